package org.lookout.cadre.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.cadre.domain.ArchiveEntry;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One entry of an official's archive; {@code supersededBy} names the entry that corrects it, if one does. */
@Schema(name = "ArchiveEntry")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArchiveEntryView(UUID id, UUID officialId, String kind, String source, String text, LocalDate occurredOn,
        boolean verified, UUID reportId, UUID supervisionRecordId, UUID supersedes, UUID supersededBy,
        Instant recordedAt, String recordedBy, String recordedByRole) {

    public static ArchiveEntryView of(ArchiveEntry entry, UUID supersededBy) {
        return new ArchiveEntryView(entry.id, entry.officialId, entry.kind.name(), entry.source.name(), entry.text,
                entry.occurredOn, entry.verified, entry.reportId, entry.supervisionRecordId, entry.supersedes,
                supersededBy, entry.recordedAt, entry.recordedBy, entry.recordedByRole);
    }
}
