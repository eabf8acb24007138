package org.lookout.complaint.roster;

import java.util.List;

/** A community's registered buildings and those of them no active lookout covers. */
public record BuildingsView(String communityCode, List<String> buildings, List<String> uncovered) {
}
