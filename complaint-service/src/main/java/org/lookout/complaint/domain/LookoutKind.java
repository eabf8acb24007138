package org.lookout.complaint.domain;

/** Who a lookout is in the community (ARCHITECTURE §1). */
public enum LookoutKind {
    /** 楼门长 */
    BUILDING_HEAD,
    /** 保洁员 */
    CLEANER,
    /** 人大代表 */
    PEOPLES_CONGRESS_DEPUTY,
    /** 居民代表 */
    RESIDENT_REPRESENTATIVE
}
