package org.lookout.cadre.supervision;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The registered official a record is about (reporters name officials in free text; the inspector decides who). */
@Schema(name = "LinkOfficial")
public record LinkOfficialRequest(@NotNull UUID officialId) {
}
