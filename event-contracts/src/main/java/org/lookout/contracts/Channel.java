package org.lookout.contracts;

/** How a report came in. */
public enum Channel {
    VISIT, PHONE, LETTER, WEB, APP, LOOKOUT, OPEN311
}
