package org.smartstart.backoffice.domain.usecase;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a port method that only reads. Its value is the resource path by which the HTTP API serves it
 * (GET), e.g. {@code "/ventures/{ventureId}/cap-table"}: parameters named in the path fill it, the
 * others travel as query parameters. The remote client, the server and the OpenAPI document are all
 * derived from these marks, so the local and the remote adapter cannot drift apart.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Query {
    String value();
}
