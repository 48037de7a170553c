package org.smartstart.backoffice.domain.identity;

import org.smartstart.backoffice.domain.access.Actor;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Query;

/**
 * People and their roles: who is signed in, look up users, grant and revoke roles (ID-1..ID-3, KY-5).
 * One method per user action; each returns an {@code Outcome} and is served alike by the local adapter,
 * by the HTTP API and by the remote client (see {@code Query} and {@code Command}).
 */
public interface People {

    /** The signed-in user with their current roles, as every use case sees them. */
    @Query("/me")
    Outcome<Actor> me();
}
