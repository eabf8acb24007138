package org.lookout.cadre.domain;

/** 社区表现档案: what an entry says of an official — good conduct, or a concern found true. */
public enum ArchiveKind {
    /** Volunteering, leading by example, helping neighbours. */
    POSITIVE,
    /** Substantiated supervision information, a notice comment found true. */
    CONCERN
}
