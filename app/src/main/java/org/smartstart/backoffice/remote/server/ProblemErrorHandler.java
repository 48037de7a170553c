package org.smartstart.backoffice.remote.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;
import org.smartstart.backoffice.remote.api.Json;
import org.smartstart.backoffice.remote.api.Problems;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Requests Jetty refuses before they reach the API — a path with an encoded NUL or an ambiguous segment, a
 * malformed request line, headers too large — get the same problem+json as every other error, not Jetty's
 * HTML page, so a client never has to parse two kinds of error.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = response.getStatus() < 400 ? 400 : response.getStatus();
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        byte[] body = body(status, message == null ? null : message.toString(), request.getRequestURI());
        baseRequest.setHandled(true);
        response.setStatus(status);
        response.setContentType(Problems.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problems.MEDIA_TYPE);
        return BufferUtil.toBuffer(body(status, reason, null));
    }

    private static byte[] body(int status, String reason, String instance) {
        String title = HttpStatus.getMessage(status);
        String detail = "The server could not read this request" + (reason == null || reason.isBlank() ? "" : " (" + reason + ")")
                + "; check the path, its encoding and the headers against /api/v1/openapi.json.";
        try {
            return Json.mapper().writeValueAsBytes(Problems.problem(status, status == 400 ? "bad-request" : "http-" + status, title, detail,
                    instance).body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
