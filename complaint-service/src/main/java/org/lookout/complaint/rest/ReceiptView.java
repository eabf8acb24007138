package org.lookout.complaint.rest;

import java.util.List;

import org.lookout.complaint.service.DuplicateFinder.PossibleDuplicate;
import org.lookout.complaint.service.IntakeService;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The {@code 201} answer of intake: the report as {@link ReportView}, the open reports that may be the same problem,
 * and for an anonymous report the tracking code and secret — shown this once, only the secret's hash is kept.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReceiptView(@JsonUnwrapped ReportView report, List<PossibleDuplicate> possibleDuplicates,
        String trackingCode, String trackingSecret) {

    static ReceiptView of(IntakeService.Receipt receipt) {
        return new ReceiptView(ReportView.of(receipt.report()), receipt.possibleDuplicates(),
                receipt.tracking() == null ? null : receipt.tracking().code(),
                receipt.tracking() == null ? null : receipt.tracking().secret());
    }
}
