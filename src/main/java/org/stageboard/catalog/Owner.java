package org.stageboard.catalog;

import org.stageboard.core.ProcessIdentity;

/** This process as the owner of the work it records; computed once (reading the machine name may be slow). */
final class Owner {
    private static final ProcessIdentity CURRENT = ProcessIdentity.current();

    private Owner() {
    }

    static ProcessIdentity current() {
        return CURRENT;
    }
}
