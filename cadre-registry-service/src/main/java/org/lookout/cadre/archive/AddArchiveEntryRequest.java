package org.lookout.cadre.archive;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.cadre.domain.ArchiveKind;

/**
 * An entry for an official's archive. Staff add {@code POSITIVE} entries (unverified); inspectors either kind, verified
 * or not. {@code supersedes} names the entry this one corrects.
 */
@Schema(name = "AddArchiveEntry")
public record AddArchiveEntryRequest(
        @NotNull ArchiveKind kind,
        @NotBlank @Size(max = 2000) String text,
        @NotNull LocalDate occurredOn,
        Boolean verified,
        UUID reportId,
        UUID supervisionRecordId,
        UUID supersedes) {
}
