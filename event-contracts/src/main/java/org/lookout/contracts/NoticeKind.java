package org.lookout.contracts;

/** The public notices about an official (三进社区): 考察预告 inspection preview, 任前公示 pre-appointment publicity, 评先评优 award nomination. */
public enum NoticeKind {
    INSPECTION_PREVIEW, PRE_APPOINTMENT, AWARD_NOMINATION
}
