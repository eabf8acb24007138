package org.lookout.contracts;

/** Who registered an official: an inspector, community staff (pending confirmation) or an inspector's bulk import. */
public enum RegistrationSource {
    INSPECTOR, COMMUNITY_STAFF, IMPORT
}
