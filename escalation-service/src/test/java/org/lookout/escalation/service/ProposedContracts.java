package org.lookout.escalation.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.lookout.contracts.EventJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The golden samples this module proposes for event-contracts (in {@code contracts-proposal/}, beside the pom), until the
 * lead moves them into the contract module; then the producer test reads them from there.
 */
final class ProposedContracts {

    private ProposedContracts() {
    }

    static JsonNode sample(String type) {
        try {
            return EventJson.read(Files.readString(Path.of("contracts-proposal", "samples", type + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
