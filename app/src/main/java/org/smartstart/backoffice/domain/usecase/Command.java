package org.smartstart.backoffice.domain.usecase;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a port method that changes something: one transaction, exactly one audit entry when it
 * succeeds (AU-1). Its value is the resource path by which the HTTP API serves it (POST, with an
 * Idempotency-Key so a retry never applies twice): parameters named in the path fill it; at most one
 * other parameter, a record, is the JSON body.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Command {
    String value();
}
