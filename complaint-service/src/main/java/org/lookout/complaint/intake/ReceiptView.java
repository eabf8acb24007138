package org.lookout.complaint.intake;

import java.util.List;

import org.lookout.complaint.domain.Report;
import org.lookout.complaint.intake.DuplicateFinder.PossibleDuplicate;
import org.lookout.complaint.lifecycle.ReportView;
import org.lookout.complaint.tracking.TrackingCredentials;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The {@code 201} answer of intake: the report as {@link ReportView}, the open reports that may be the same problem,
 * and for an anonymous report the tracking code and secret — shown this once, only the secret's hash is kept.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReceiptView(@JsonUnwrapped ReportView report, List<PossibleDuplicate> possibleDuplicates,
        String trackingCode, String trackingSecret) {

    static ReceiptView of(Report report, List<PossibleDuplicate> possibleDuplicates,
            TrackingCredentials.Issued tracking) {
        return new ReceiptView(ReportView.of(report), possibleDuplicates, tracking == null ? null : tracking.code(),
                tracking == null ? null : tracking.secret());
    }
}
