package org.lookout.cadre.domain;

/** Who wrote an archive entry. */
public enum ArchiveSource {
    COMMUNITY_STAFF, INSPECTOR, DISCIPLINE_ORGAN
}
