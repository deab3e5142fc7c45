package org.stageboard.ssh;

import java.util.Set;
import net.schmizz.sshj.common.LoggerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.NOPLogger;

/**
 * sshj logs at ERROR what Stageboard then reports as a clear exception: a rejected host key, a
 * refused forwarded connection while a health check waits for the app. These factories keep such
 * duplicates out of the user's console.
 */
final class SshjLogging {

    /** Loggers of sshj classes whose errors always reach us as exceptions too. */
    private static final Set<String> DUPLICATING = Set.of("net.schmizz.concurrent.Promise",
            "net.schmizz.sshj.transport.KeyExchanger", "net.schmizz.sshj.transport.TransportImpl");

    private SshjLogging() {
    }

    /** For sessions: everything but the duplicating loggers goes to SLF4J. */
    static LoggerFactory session() {
        return new LoggerFactory() {
            @Override
            public Logger getLogger(String name) {
                return DUPLICATING.contains(name) ? NOPLogger.NOP_LOGGER : LoggerFactory.DEFAULT.getLogger(name);
            }

            @Override
            public Logger getLogger(Class<?> type) {
                return getLogger(type.getName());
            }
        };
    }

    /** For host-key scans, which end by rejecting the key on purpose: nothing to log. */
    static LoggerFactory silent() {
        return new LoggerFactory() {
            @Override
            public Logger getLogger(String name) {
                return NOPLogger.NOP_LOGGER;
            }

            @Override
            public Logger getLogger(Class<?> type) {
                return NOPLogger.NOP_LOGGER;
            }
        };
    }
}
