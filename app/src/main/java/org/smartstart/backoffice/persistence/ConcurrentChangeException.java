package org.smartstart.backoffice.persistence;

/**
 * Someone else saved the same row between this user's read and write (optimistic locking on the
 * row's version). Nothing was saved; the screen should reload and let the user redo the edit.
 */
public final class ConcurrentChangeException extends RuntimeException {

    private final String entityName;
    private final Object id;

    public ConcurrentChangeException(String entityName, Object id, Throwable cause) {
        super(describe(entityName, id), cause);
        this.entityName = entityName;
        this.id = id;
    }

    /** The entity's simple name without the "Entity" suffix, e.g. "Venture". */
    public String entityName() {
        return entityName;
    }

    public Object id() {
        return id;
    }

    private static String describe(String entityName, Object id) {
        String what = entityName == null ? "This record" : entityName;
        return what + (id == null ? "" : " " + id) + " was changed by someone else since you opened it; "
                + "nothing was saved. Reload it and make your change again.";
    }
}
