package io.ticketing.app;

import io.ticketing.app.check.CheckCommand;
import io.ticketing.app.simulate.SimulateCommand;
import io.ticketing.app.simulate.SimulationSummary;
import io.ticketing.app.simulate.TrafficSimulator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar ticketing-app.jar [--config FILE]}: the service.
 * {@code java -jar ticketing-app.jar simulate [flags]}: the upstream traffic simulator.
 * {@code java -jar ticketing-app.jar check [flags]}: the invariant checker (exit 0 holds, 1 violated).
 *
 * <p>Exit status: 0 after a clean stop, 2 for a bad setting (one line on stderr naming it),
 * 1 when the service could not start or its streams client failed for good.
 */
public final class Main {

    public static final int BAD_SETTING = 2;
    public static final int FAILED = 1;

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        int status = execute(args, System.getenv(), System.err);
        // The JVM would stay up for non-daemon Kafka threads of a failed start; say how it ended.
        System.exit(status);
    }

    static int execute(String[] args, Map<String, String> environment, PrintStream err) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        try {
            String configFile = takeConfigFlag(rest);
            Map<String, String> settings = SettingsSource.load(configFile, environment);
            if (!rest.isEmpty() && rest.get(0).equals("check")) {
                if (rest.contains("--help") || rest.contains("-h")) {
                    System.out.println(CheckCommand.USAGE);
                    return 0;
                }
                return CheckCommand.run(rest.subList(1, rest.size()).toArray(String[]::new));
            }
            if (!rest.isEmpty() && rest.get(0).equals("simulate")) {
                if (rest.contains("--help") || rest.contains("-h")) {
                    System.out.println(SimulateCommand.USAGE);
                    return 0;
                }
                return simulate(SimulateCommand.parse(rest.subList(1, rest.size()).toArray(String[]::new), settings));
            }
            if (!rest.isEmpty()) {
                throw new BadSettingException(rest.get(0), "unknown argument; use no argument (the service), "
                        + "--config FILE, simulate --help or check --help");
            }
            return serve(AppSettings.from(settings));
        } catch (BadSettingException e) {
            err.println("ticketing: bad setting " + e.getMessage());
            return BAD_SETTING;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        } catch (RuntimeException e) {
            // One readable line; the stack trace is for developers (LOG_LEVEL=DEBUG).
            log.error("ticketing could not start: {}", e.getMessage() != null ? e.getMessage() : e.toString());
            log.debug("start-up failure", e);
            return FAILED;
        }
    }

    private static String takeConfigFlag(List<String> args) {
        int at = args.indexOf("--config");
        if (at < 0) {
            return null;
        }
        if (at + 1 >= args.size()) {
            throw new BadSettingException("--config", "needs a file name");
        }
        String file = args.get(at + 1);
        args.subList(at, at + 2).clear();
        return file;
    }

    private static int serve(AppSettings settings) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        int[] status = {0};
        TicketingService service = TicketingService.create(settings);
        // SIGTERM / Ctrl-C: close in order, committing and keeping local state for the next start.
        // Registered first, so a start still waiting for topics or a broker is stopped as cleanly.
        Thread hook = new Thread(() -> {
            log.info("stopping");
            service.close();
            stopped.countDown();
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        service.startUp(() -> {
            log.error("the streams client failed for good (state ERROR); stopping so the platform can restart it");
            status[0] = FAILED;
            stopped.countDown();
        });
        stopped.await();
        if (status[0] != 0) {
            Runtime.getRuntime().removeShutdownHook(hook);
            service.close();
        }
        return status[0];
    }

    private static int simulate(SimulateCommand.Parsed parsed) throws InterruptedException {
        TrafficSimulator simulator = new TrafficSimulator(parsed.options(), parsed.topics(),
                parsed.clientProperties());
        SimulationSummary[] summary = new SimulationSummary[1];
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            simulator.stop();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            log.info("simulating upstream at {} records/s against {} (seed {})", parsed.options().rate(),
                    parsed.clientProperties().get("bootstrap.servers"), parsed.options().seed());
            summary[0] = simulator.run();
            System.out.print(summary[0].describe());
            return summary[0].failedSends() > 0 ? FAILED : 0;
        } finally {
            done.countDown();
        }
    }
}
