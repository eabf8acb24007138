package org.lookout.complaint.domain;

/** Who may read a note's text: PUBLIC also the reporter (and the anonymous tracker), INTERNAL only the officials. */
public enum NoteVisibility {
    PUBLIC, INTERNAL
}
