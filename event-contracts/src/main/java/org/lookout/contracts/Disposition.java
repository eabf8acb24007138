package org.lookout.contracts;

/**
 * How an inspector concludes supervision information in-house (问题线索处置方式): 谈话函询 talk or written inquiry, 初步核实
 * preliminary verification, 暂存待查 kept pending, 予以了结 closed.
 */
public enum Disposition {
    TALK_OR_INQUIRY, PRELIMINARY_VERIFICATION, SHELVED, CLOSED
}
