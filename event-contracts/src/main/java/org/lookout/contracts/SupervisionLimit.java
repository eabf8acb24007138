package org.lookout.contracts;

/**
 * The 12388 time limits a supervision record can miss (《纪检监察机关处理检举控告工作规则》): {@code ACCEPTANCE} — accepted
 * (受理) or forwarded within 15 working days of receipt, so that a real-name reporter is told; {@code FORWARDING} — sent
 * up to the discipline organ, or accepted here, within 5 working days of receipt.
 */
public enum SupervisionLimit {
    ACCEPTANCE, FORWARDING
}
