package org.lookout.cadre.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.cadre.domain.ImportJob;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where an import stands: rows done of all, what became of them, each refused row with its reason, and its end. */
@Schema(name = "ImportJob")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportJobView(UUID id, String status, String charset, int totalRows, int rowsDone, int rowsImported,
        int rowsUpdated, int rowsUnchanged, int rowsRejected, List<ImportRejectionRepository.Rejection> rejections,
        Instant startedAt, Instant finishedAt) {

    static ImportJobView of(ImportJob job, List<ImportRejectionRepository.Rejection> rejections) {
        return new ImportJobView(job.id, job.status, job.charset, job.totalRows, job.rowsDone, job.rowsImported,
                job.rowsUpdated, job.rowsUnchanged, job.rowsRejected, rejections, job.startedAt, job.finishedAt);
    }
}
