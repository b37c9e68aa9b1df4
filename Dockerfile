# syntax=docker/dockerfile:1
# The ticketing service image: `docker build -t ticketing-app .`
# Default command: the service. `docker run ticketing-app simulate --help` runs the traffic simulator.

# ---- build: the shaded jar, tests are run by CI (`mvn -B verify`), not here ----
FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /src
# The whole reactor (the .dockerignore keeps build output and local data out): Maven reads every
# module's pom. Only the service and the modules it needs are built (`-pl app -am`): bench-tools
# (benchmark probes, chaos broker) stays out of the image. The Maven repository is a build cache.
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q package -DskipTests -pl app -am

# ---- runtime: a JRE, the jar, a non-root user ----
FROM eclipse-temurin:17-jre
# curl is for the HEALTHCHECK only.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 ticketing \
 && useradd --system --uid 10001 --gid ticketing --home-dir /var/lib/ticketing --shell /usr/sbin/nologin ticketing \
 && mkdir -p /opt/ticketing /var/lib/ticketing \
 && chown ticketing:ticketing /var/lib/ticketing
COPY --from=build /src/app/target/ticketing-app.jar /opt/ticketing/ticketing-app.jar

# Local state (RocksDB stores) survives container restarts when this is a volume: a restarted
# instance then resumes instead of restoring every store from its changelog.
ENV HTTP_PORT=7070 \
    STATE_DIR=/var/lib/ticketing/streams \
    EMBEDDED_KAFKA_DATA_DIR=/var/lib/ticketing/kafka
VOLUME ["/var/lib/ticketing"]
USER ticketing
WORKDIR /var/lib/ticketing
EXPOSE 7070
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS "http://localhost:${HTTP_PORT}/health/live" > /dev/null || exit 1
# Exec form: java is PID 1 and receives SIGTERM itself, so the shutdown hook closes Kafka Streams cleanly.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/ticketing/ticketing-app.jar"]
