package org.lookout.contracts;

/**
 * Where supervision information about an official came from (监督信息): a {@code cadre-conduct} report, a comment on a
 * public notice, or an information officer (干部监督信息员) filing it directly.
 */
public enum SupervisionSource {
    REPORT, NOTICE_COMMENT, INFORMATION_OFFICER
}
