package org.lookout.contracts;

/**
 * What an agency's part of an escalation asks of it, on the wire: {@code ACT} (work on it by a deadline: acknowledge,
 * resolve or return) or {@code INFORM} (抄送: a copy for information, no deadline; the agency reads the case file and
 * may comment, and the report's state and the community's clocks do not change). Events leave it out for {@code ACT}.
 */
public enum PartKind {
    ACT, INFORM
}
