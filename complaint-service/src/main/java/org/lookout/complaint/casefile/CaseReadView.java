package org.lookout.complaint.casefile;

import java.time.Instant;
import java.util.UUID;

import org.lookout.complaint.domain.CaseRead;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One read of a report's case file by an agency: when, which escalation and agency, the reader, which attachment. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseReadView(Instant at, UUID escalationId, String agencyCode, String reader, UUID attachmentId) {

    static CaseReadView of(CaseRead read) {
        return new CaseReadView(read.at, read.escalationId, read.agencyCode, read.reader, read.attachmentId);
    }
}
