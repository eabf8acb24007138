package org.lookout.cadre.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A bulk import of registration forms: the file (kept until the job ends, so a restarted service continues it) and how
 * far it got. {@link #rowsDone} moves in the same transaction as the rows it counts.
 */
@Entity
@Table(name = "import_job")
public class ImportJob {

    public static final String RUNNING = "RUNNING";
    public static final String FINISHED = "FINISHED";

    @Id
    public UUID id;

    @Column(name = "started_by", nullable = false)
    public String startedBy;

    /** The streets of the inspector who started it, comma-separated: rows of other streets are refused. */
    @Column(nullable = false)
    public String streets;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(nullable = false)
    public String charset;

    public byte[] content;

    @Column(name = "total_rows", nullable = false)
    public int totalRows;

    @Column(name = "rows_done", nullable = false)
    public int rowsDone;

    @Column(name = "rows_imported", nullable = false)
    public int rowsImported;

    @Column(name = "rows_updated", nullable = false)
    public int rowsUpdated;

    @Column(name = "rows_unchanged", nullable = false)
    public int rowsUnchanged;

    @Column(name = "rows_rejected", nullable = false)
    public int rowsRejected;

    @Column(nullable = false)
    public String status;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Version
    public int version;

    public static ImportJob start(String inspector, Set<String> streets, String charset, byte[] content, int totalRows,
            Instant at) {
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.startedBy = inspector;
        job.streets = String.join(",", streets);
        job.startedAt = at;
        job.charset = charset;
        job.content = content;
        job.totalRows = totalRows;
        job.status = RUNNING;
        job.batchDone(0, 0, 0, 0, 0, at);
        return job;
    }

    public Set<String> streetSet() {
        return streets.isEmpty() ? Set.of() : Set.of(streets.split(","));
    }

    /** Counts a batch; the job ends with its last row, and its file is dropped then. */
    public void batchDone(int rows, int imported, int updated, int unchanged, int rejected, Instant at) {
        rowsDone += rows;
        rowsImported += imported;
        rowsUpdated += updated;
        rowsUnchanged += unchanged;
        rowsRejected += rejected;
        if (rowsDone >= totalRows) {
            status = FINISHED;
            finishedAt = at;
            content = null;
        }
    }

    public boolean running() {
        return RUNNING.equals(status);
    }
}
