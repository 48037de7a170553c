package org.smartstart.backoffice.ui.captable;

import org.smartstart.backoffice.domain.captable.Holder;

/** A holder to pick in the draft form: a person or the platform, by name. */
public record HolderChoice(Holder holder, String name) {
    @Override
    public String toString() {
        return name;
    }
}
