"""Checks the Kubernetes manifests of deploy/k8s against the services they deploy.

Run through deploy/k8s/check (which installs what this needs). It renders each overlay with
`kubectl kustomize` and checks the result against the sources of truth in the repository:
each service's application.properties, pom.xml and src/main/docker/Dockerfile.jvm, the Kafka
topics of deploy/local/platform and the realm file deploy/keycloak/feedback360-realm.json.
Then it renders check-fixtures/broken, a production overlay with planted faults, and fails
unless every planted fault is reported: a check that cannot fail proves nothing.

Each rule is one small function below; `Report.expect` records one checked fact.
"""

import argparse
import ipaddress
import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

K8S = Path(__file__).resolve().parent
ROOT = K8S.parent.parent
REALM_FILE = ROOT / "deploy/keycloak/feedback360-realm.json"
REALM_IMPORT = K8S / "base/keycloak/realm-import.json"
PLATFORM_SCRIPT = ROOT / "deploy/local/platform"
OVERLAYS = {"local": K8S / "overlays/local", "production": K8S / "overlays/production"}
FIXTURE = K8S / "check-fixtures/broken"
FIXTURE_DOCKERFILE = K8S / "check-fixtures/Dockerfile.broken"

# Faults planted in the fixture (see its kustomization.yaml): each code must be reported.
FIXTURE_EXPECTS = {
    "PROBE", "PORT", "ENV-UNKNOWN", "ENV-LITERAL-SECRET", "SECRET-CLEARTEXT", "SECRET-REF",
    "IMAGE", "SECURITY", "KAFKA", "NETPOL", "DB-CONNECTIONS", "KEYCLOAK", "URL", "DOCKERFILE",
    "ENV-REQUIRED", "EDGE",
}

# Environment variables a service reads without naming them in application.properties.
JVM_ENV = {"JAVA_OPTS": "JVM options, passed to java by the image's ENTRYPOINT"}
# Kafka client settings: Quarkus turns every KAFKA_* variable into the client property of the
# same name for the default Kafka configuration all channels and the outbox producer use.
KAFKA_CLIENT_ENV = {
    "KAFKA_SECURITY_PROTOCOL": "security.protocol",
    "KAFKA_SASL_MECHANISM": "sasl.mechanism",
    "KAFKA_SASL_JAAS_CONFIG": "sasl.jaas.config",
    "KAFKA_SSL_TRUSTSTORE_TYPE": "ssl.truststore.type",
    "KAFKA_SSL_TRUSTSTORE_CERTIFICATES": "ssl.truststore.certificates",
    "KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM": "ssl.endpoint.identification.algorithm",
}
# Quarkus settings a deployment may set that the services leave at their defaults, with the
# extension that reads them. (A QUARKUS_* form of a key in application.properties is always fine.)
QUARKUS_ENV = {
    "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING": "quarkus-vertx-http",
    "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES": "quarkus-vertx-http",
    "QUARKUS_MAILER_USERNAME": "quarkus-mailer",
    "QUARKUS_MAILER_PASSWORD": "quarkus-mailer",
    "QUARKUS_MAILER_LOGIN": "quarkus-mailer",
}
SENSITIVE_WORDS = {"PASSWORD", "PASSWD", "SECRET", "TOKEN", "KEY", "CREDENTIALS", "JAAS", "APIKEY"}
JRE_BASES = ("eclipse-temurin:17-jre", "registry.access.redhat.com/ubi9/openjdk-17-runtime")
REPLAYABLE_TOPICS = {"feedback.cycles", "feedback.responses"}
MUST_NOT_LEAVE = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16"]
HPA_SERVICES = {"gateway", "feedback-service"}
MIN_NON_HEAP_MIB = 192
PG_RESERVED_CONNECTIONS = 10  # superuser_reserved_connections, replication, operator, psql


class Report:
    def __init__(self, name):
        self.name, self.checked, self.failures = name, 0, []

    def expect(self, ok, code, where, message):
        self.checked += 1
        if not ok:
            self.failures.append((code, where, message))
        return ok

    def codes(self):
        return {code for code, _, _ in self.failures}


# ---------------------------------------------------------------------------------------------
# What the repository says: services, their configuration, image recipes, topics, realm
# ---------------------------------------------------------------------------------------------
ENV_REF = re.compile(r"\$\{([A-Z][A-Z0-9_]*)(?::([^}]*))?\}")
PROP_REF = re.compile(r"\$\{([a-z][a-z0-9_.-]*)\}")


def parse_properties(text):
    """application.properties as {key: value} for the prod profile (%prod. wins; %dev/%test dropped)."""
    plain, prod, logical = {}, {}, []
    pending = ""
    for line in text.splitlines():
        line = pending + line.strip() if pending else line.strip()
        pending = ""
        if line.endswith("\\"):
            pending = line[:-1]
            continue
        if line and not line.startswith(("#", "!")):
            logical.append(line)
    for line in logical:
        key, _, value = line.partition("=")
        key, value = key.strip(), value.strip()
        if key.startswith("%prod."):
            prod[key[len("%prod."):]] = value
        elif not key.startswith("%"):
            plain[key] = value
    return {**plain, **prod}


def env_reads(props):
    """{ENV_VAR: default or None} for every ${ENV_VAR[:default]} the properties read."""
    reads = {}
    for value in props.values():
        for name, default in ENV_REF.findall(value):
            has_default = f"${{{name}:" in value
            reads[name] = default if has_default else reads.get(name)
    return reads


def env_form(key):
    """The environment variable SmallRye Config maps to a property: non-alphanumerics become _."""
    return re.sub(r"[^A-Za-z0-9]", "_", key).upper()


def resolve(value, env):
    """A property value with ${VAR:default} replaced from env (or the default)."""
    return ENV_REF.sub(lambda m: env.get(m.group(1), m.group(2) or ""), value)


def parse_dockerfile(text):
    info = {"from": None, "user": None, "expose": [], "env": {}, "entrypoint": None, "copies": []}
    logical, pending = [], ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            if not pending:
                continue
            line = ""
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        logical.append(pending + line)
        pending = ""
    for line in logical:
        instr, _, rest = line.partition(" ")
        instr, rest = instr.upper(), rest.strip()
        if instr == "FROM":
            info["from"] = rest.split()[0]
        elif instr == "USER":
            info["user"] = rest
        elif instr == "EXPOSE":
            info["expose"] += [int(p.split("/")[0]) for p in rest.split()]
        elif instr == "ENV":
            for k, v in re.findall(r'([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|\S+)', rest):
                info["env"][k] = v.strip('"')
        elif instr == "ENTRYPOINT":
            info["entrypoint"] = rest
        elif instr == "COPY":
            info["copies"].append(rest)
    return info


class Service:
    """One deployable module: the directory with src/main/docker/Dockerfile.jvm."""

    def __init__(self, directory):
        self.name = directory.name
        self.dockerfile_path = directory / "src/main/docker/Dockerfile.jvm"
        self.props = parse_properties((directory / "src/main/resources/application.properties").read_text())
        self.reads = env_reads(self.props)
        pom = (directory / "pom.xml").read_text()
        self.extensions = set(re.findall(r"<artifactId>(quarkus-[a-z0-9-]+)</artifactId>", pom))
        self.docker = parse_dockerfile(self.dockerfile_path.read_text())

    def uses(self, extension):
        return extension in self.extensions

    def port(self, env):
        return int(resolve(self.props.get("quarkus.http.port", "8080"), env))

    def health_paths(self):
        """/q/health/{started,ready,live} as this service's configuration places them."""
        p = self.props
        root = "/" + p.get("quarkus.http.root-path", "/").strip("/")
        non_app = p.get("quarkus.http.non-application-root-path", "q")
        base = non_app if non_app.startswith("/") else root.rstrip("/") + "/" + non_app
        health = p.get("quarkus.smallrye-health.root-path", "health")
        health = health if health.startswith("/") else base.rstrip("/") + "/" + health
        sub = lambda key, default: health.rstrip("/") + "/" + p.get(key, default).strip("/")
        return {
            "startupProbe": sub("quarkus.smallrye-health.startup-path", "started"),
            "readinessProbe": sub("quarkus.smallrye-health.readiness-path", "ready"),
            "livenessProbe": sub("quarkus.smallrye-health.liveness-path", "live"),
        }

    def expanded(self, value):
        """A property value as the service sees it by default: ${other.property} and ${ENV:default} expanded."""
        for _ in range(10):
            before = value
            value = PROP_REF.sub(lambda m: self.props.get(m.group(1), m.group(0)), value)
            value = resolve(value, {})
            if value == before:
                break
        return value

    def incoming(self):
        """{channel: (topic, group)} of the Kafka consumers the properties declare."""
        channels = {}
        for key, value in self.props.items():
            m = re.fullmatch(r"mp\.messaging\.incoming\.([^.]+)\.topic", key)
            if m:
                group = self.props.get(f"mp.messaging.incoming.{m.group(1)}.group.id",
                                       self.props.get("kafka.group.id", self.props.get("quarkus.application.name", self.name)))
                channels[m.group(1)] = (self.expanded(value), self.expanded(group))
        return channels

    def outgoing_topics(self):
        return {self.expanded(v) for k, v in self.props.items() if re.fullmatch(r"mp\.messaging\.outgoing\.[^.]+\.topic", k)}


def discover_services():
    return [Service(d) for d in sorted(ROOT.iterdir()) if (d / "src/main/docker/Dockerfile.jvm").is_file()]


def platform_topics():
    """{topic: partitions} from deploy/local/platform's KAFKA_TOPICS=(name:partitions ...)."""
    m = re.search(r"^KAFKA_TOPICS=\(([^)]*)\)", PLATFORM_SCRIPT.read_text(), re.M)
    return {t.split(":")[0]: int(t.split(":")[1]) for t in m.group(1).split()}


def realm_import_document():
    realm = json.loads(REALM_FILE.read_text())
    return {"apiVersion": "k8s.keycloak.org/v2beta1", "kind": "KeycloakRealmImport",
            "metadata": {"name": "feedback360"},
            "spec": {"keycloakCRName": "keycloak", "realm": realm}}


def write_realm_import():
    REALM_IMPORT.write_text(json.dumps(realm_import_document(), indent=2, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------------------------------------
# What the rendering says
# ---------------------------------------------------------------------------------------------
def render(directory):
    done = subprocess.run(["kubectl", "kustomize", str(directory)], capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"kubectl kustomize {directory.relative_to(ROOT)} failed:\n{done.stderr.strip()}")
    return [d for d in yaml.safe_load_all(done.stdout) if d]


def cpu_millis(q):
    q = str(q)
    return int(float(q[:-1])) if q.endswith("m") else int(float(q) * 1000)


def mebibytes(q):
    q = str(q)
    units = {"Ki": 1 / 1024, "Mi": 1, "Gi": 1024, "K": 1e3 / 2**20, "M": 1e6 / 2**20, "G": 1e9 / 2**20}
    for unit, factor in sorted(units.items(), key=lambda u: -len(u[0])):
        if q.endswith(unit):
            return float(q[: -len(unit)]) * factor
    return float(q) / 2**20


def matches(selector, labels):
    """Kubernetes label selector semantics (matchLabels and matchExpressions)."""
    if selector is None:
        return False
    for k, v in (selector.get("matchLabels") or {}).items():
        if labels.get(k) != v:
            return False
    for e in selector.get("matchExpressions") or []:
        k, op, values = e["key"], e["operator"], e.get("values") or []
        if op == "In" and labels.get(k) not in values:
            return False
        if op == "NotIn" and labels.get(k) in values:
            return False
        if op == "Exists" and k not in labels:
            return False
        if op == "DoesNotExist" and k in labels:
            return False
    return True


class Rendering:
    """The rendered objects plus what the operators will create from their custom resources."""

    def __init__(self, docs):
        self.docs = docs
        self.by_kind = {}
        for d in docs:
            self.by_kind.setdefault(d["kind"], []).append(d)
        ns = {d["metadata"]["name"]: d for d in self.of("Namespace")}
        self.namespace = next((d["metadata"].get("namespace") for d in docs if d["metadata"].get("namespace")), "default")
        self.namespace_labels = {"kubernetes.io/metadata.name": self.namespace,
                                 **(ns.get(self.namespace, {}).get("metadata", {}).get("labels") or {})}
        self.secrets = self._secrets()
        self.services = self._services()
        self.pods = self._pods()

    def of(self, kind):
        return self.by_kind.get(kind, [])

    def get(self, kind, name):
        return next((d for d in self.of(kind) if d["metadata"]["name"] == name), None)

    def _secrets(self):
        """{secret name: set of keys, or None when any key may be there} and who makes it."""
        s = {}
        for d in self.of("Secret"):
            s[d["metadata"]["name"]] = set(d.get("data") or {}) | set(d.get("stringData") or {})
        for d in self.of("ExternalSecret"):
            target = (d["spec"].get("target") or {}).get("name") or d["metadata"]["name"]
            s[target] = None if d["spec"].get("dataFrom") else {x["secretKey"] for x in d["spec"].get("data", [])}
        for d in self.of("Cluster"):
            n = d["metadata"]["name"]
            s[f"{n}-app"] = {"username", "password", "dbname", "host", "port", "uri", "jdbc-uri", "pgpass", "user"}
            s[f"{n}-ca"] = {"ca.crt", "ca.key"}
        for d in self.of("KafkaUser"):
            if (d["spec"].get("authentication") or {}).get("type") == "scram-sha-512":
                s[d["metadata"]["name"]] = {"password", "sasl.jaas.config"}
        for d in self.of("Kafka"):
            s[f"{d['metadata']['name']}-cluster-ca-cert"] = {"ca.crt", "ca.p12", "ca.password"}
        for d in self.of("Keycloak"):
            s[f"{d['metadata']['name']}-initial-admin"] = {"username", "password"}
        return s

    def _services(self):
        """{service name: {port: target}}; target is a port name or number of the selected pods."""
        s = {}
        for d in self.of("Service"):
            s[d["metadata"]["name"]] = {p["port"]: p.get("targetPort", p["port"]) for p in d["spec"].get("ports", [])}
        for d in self.of("Cluster"):
            for suffix in ("rw", "ro", "r"):
                s[f"{d['metadata']['name']}-{suffix}"] = {5432: 5432}
        for d in self.of("Kafka"):
            s[f"{d['metadata']['name']}-kafka-bootstrap"] = {l["port"]: l["port"] for l in d["spec"]["kafka"]["listeners"]}
        for d in self.of("Keycloak"):
            http = d["spec"].get("http") or {}
            ports = {8080: 8080} if http.get("httpEnabled") else {}
            if http.get("tlsSecret"):
                ports[8443] = 8443
            s[f"{d['metadata']['name']}-service"] = ports
        return s

    def _pods(self):
        """{workload: labels} for every kind of pod that will run in the namespace."""
        pods = {}
        for d in self.of("Deployment"):
            pods[d["metadata"]["name"]] = d["spec"]["template"]["metadata"].get("labels") or {}
        for d in self.of("Cluster"):
            pods[d["metadata"]["name"]] = {"cnpg.io/cluster": d["metadata"]["name"], "cnpg.io/podRole": "instance"}
        for d in self.of("Kafka"):
            n = d["metadata"]["name"]
            pods[f"{n}-kafka"] = {"strimzi.io/cluster": n, "strimzi.io/kind": "Kafka", "strimzi.io/name": f"{n}-kafka",
                                  "strimzi.io/broker-role": "true", "strimzi.io/controller-role": "true"}
            pods[f"{n}-entity-operator"] = {"strimzi.io/cluster": n, "strimzi.io/kind": "Kafka",
                                            "strimzi.io/name": f"{n}-entity-operator"}
        for d in self.of("Keycloak"):
            pods[d["metadata"]["name"]] = {"app": "keycloak", "app.kubernetes.io/instance": d["metadata"]["name"],
                                           "app.kubernetes.io/managed-by": "keycloak-operator"}
        return pods

    def pods_selected(self, peer):
        """Workloads of this namespace a NetworkPolicy peer admits (a peer may also admit
        pods of other namespaces: those are reported as '<other namespaces>')."""
        if "ipBlock" in peer:
            return {"<ip block>"}
        ns_sel = peer.get("namespaceSelector")
        pod_sel = peer.get("podSelector", {})
        selected = set()
        if ns_sel is None or matches(ns_sel, self.namespace_labels):
            selected |= {w for w, labels in self.pods.items() if matches(pod_sel, labels)}
        if ns_sel is not None:
            selected.add("<other namespaces>")
        return selected


# ---------------------------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------------------------
def container_env(r, container):
    """{name: ("literal"|"configmap"|"secret"|"other", value or (secret, key))} of one container."""
    env = {}
    for src in container.get("envFrom") or []:
        ref = src.get("configMapRef")
        if ref:
            cm = r.get("ConfigMap", ref["name"]) or {}
            for k, v in (cm.get("data") or {}).items():
                env[k] = ("configmap", str(v))
        if src.get("secretRef"):
            env[f"<all of Secret {src['secretRef']['name']}>"] = ("secret", (src["secretRef"]["name"], None))
    for e in container.get("env") or []:
        if "value" in e:
            env[e["name"]] = ("literal", str(e["value"]))
        elif "secretKeyRef" in (e.get("valueFrom") or {}):
            ref = e["valueFrom"]["secretKeyRef"]
            env[e["name"]] = ("secret", (ref["name"], ref["key"]))
        elif "configMapKeyRef" in (e.get("valueFrom") or {}):
            ref = e["valueFrom"]["configMapKeyRef"]
            value = ((r.get("ConfigMap", ref["name"]) or {}).get("data") or {}).get(ref["key"])
            env[e["name"]] = ("configmap", value)
        else:
            env[e["name"]] = ("other", None)
    return env


def plain_values(env):
    return {k: v for k, (kind, v) in env.items() if kind in ("literal", "configmap") and v is not None}


def sensitive(name):
    return bool(set(re.split(r"[^A-Z0-9]+", name.upper())) & SENSITIVE_WORDS)


def check_env(rep, r, svc, where, env):
    for name, (kind, value) in env.items():
        if name.startswith("<all of Secret"):
            rep.expect(False, "ENV-UNKNOWN", where, f"envFrom secretRef imports keys nobody checked: {name}")
            continue
        known = (name in svc.reads
                 or any(env_form(k) == name for k in svc.props)
                 or (name in JVM_ENV and "$JAVA_OPTS" in (svc.docker["entrypoint"] or ""))
                 or (name in KAFKA_CLIENT_ENV and svc.uses("quarkus-messaging-kafka"))
                 or (name in QUARKUS_ENV and svc.uses(QUARKUS_ENV[name])))
        rep.expect(known, "ENV-UNKNOWN", where,
                   f"{name} is set but {svc.name} does not read it (not in its application.properties, "
                   f"not a Kafka client setting of a Kafka service, not a listed Quarkus/JVM variable)")
        rep.expect(not (sensitive(name) and kind in ("literal", "configmap")), "ENV-LITERAL-SECRET", where,
                   f"{name} looks like a secret but its value is written in the manifests ({kind}); use a secretKeyRef")
        if kind == "secret":
            secret, key = value
            keys = r.secrets.get(secret, "missing")
            rep.expect(keys != "missing", "SECRET-REF", where,
                       f"{name} reads Secret {secret}, which nothing creates (no Secret, ExternalSecret or operator resource)")
            if keys not in ("missing", None) and key is not None:
                rep.expect(key in keys, "SECRET-REF", where, f"{name} reads key {key!r} of Secret {secret}, which has {sorted(keys)}")
    check_required_env(rep, svc, where, env)


def check_required_env(rep, svc, where, env):
    for name, default in svc.reads.items():
        if default is None:
            rep.expect(name in env, "ENV-REQUIRED", where, f"{svc.name} needs {name} (no default in application.properties) and it is not set")
        elif sensitive(name):
            # A secret's default in application.properties is a well-known development value.
            rep.expect(env.get(name, (None,))[0] == "secret", "ENV-SECRET-DEFAULT", where,
                       f"{svc.name} reads {name}, whose default is a development value; set it from a Secret")


def check_urls(rep, r, where, values):
    """URLs and host:port lists in the configuration must name a Service and port that exist."""
    for name, value in values.items():
        for host, port in re.findall(r"(?:^|//|,)([A-Za-z0-9.-]+):(\d+)(?=[/?,]|$)", value):
            if host in ("127.0.0.1", "localhost", "0.0.0.0") or host.startswith("127."):
                rep.expect(False, "URL", where, f"{name}={value} points at the pod itself")
                continue
            short = host.split(".")[0] if host.endswith((".svc", ".svc.cluster.local")) or "." not in host else None
            if short is None:
                continue  # an external name (SMTP relay, public URLs)
            rep.expect(short in r.services and int(port) in r.services[short], "URL", where,
                       f"{name}={value}: no Service {short} with port {port} (have {sorted(r.services.get(short, {}))})")
        for host in re.findall(r"^https?://([A-Za-z0-9-]+)(?:/|$)", value):
            if host != "localhost":
                rep.expect(host in r.services, "URL", where, f"{name}={value}: no Service {host}")
    # NAME_HOST with NAME_PORT (SMTP_HOST/SMTP_PORT): an in-cluster host needs that Service port.
    for name, host in values.items():
        port = values.get(name[: -len("_HOST")] + "_PORT") if name.endswith("_HOST") else None
        if port and "." not in host:
            rep.expect(host not in ("localhost",) and int(port) in r.services.get(host, {}), "URL", where,
                       f"{name}={host} with port {port}: no such Service port in the cluster")


def container_port(container, ref):
    for p in container.get("ports") or []:
        if ref in (p.get("name"), p.get("containerPort")):
            return p.get("containerPort")
    return None


def check_service_deployment(rep, r, svc, env_name):
    where = f"{env_name}/{svc.name}"
    dep = r.get("Deployment", svc.name)
    if not rep.expect(dep is not None, "SVC-MISSING", where, f"no Deployment {svc.name}"):
        return
    pod = dep["spec"]["template"]["spec"]
    containers = [c for c in pod["containers"] if c["name"] == svc.name]
    if not rep.expect(len(containers) == 1, "SVC-MISSING", where, f"Deployment {svc.name} has no container {svc.name}"):
        return
    c = containers[0]
    env = container_env(r, c)
    values = plain_values(env)

    # Image: the module's name; production pins a tag in a real registry.
    image = c["image"]
    repo, _, tag = image.rpartition(":") if ":" in image.split("/")[-1] else (image, "", "")
    rep.expect(repo.split("/")[-1] == svc.name, "IMAGE", where, f"image {image} is not an image of {svc.name}")
    if env_name == "production":
        rep.expect(tag not in ("", "latest", "dev") or "@sha256:" in image, "IMAGE", where,
                   f"image {image} must carry a release tag or digest in production")
        rep.expect("." in repo.split("/")[0], "IMAGE", where, f"image {image} must come from a registry host in production")

    # The port: application.properties (with the pod's env) = containerPort "http" = EXPOSE = Service.
    port = svc.port(values)
    http = container_port(c, "http")
    rep.expect(http == port, "PORT", where, f"container port 'http' is {http}, {svc.name} listens on {port}")
    rep.expect(svc.docker["expose"] == [port], "PORT", where,
               f"{svc.dockerfile_path.relative_to(ROOT)} EXPOSEs {svc.docker['expose']}, {svc.name} listens on {port}")
    services = [s for s in r.of("Service") if s["spec"].get("selector") and matches({"matchLabels": s["spec"]["selector"]}, dep["spec"]["template"]["metadata"]["labels"])]
    if rep.expect(len(services) == 1, "PORT", where, f"{len(services)} Services select {svc.name}'s pods, expected 1"):
        for p in services[0]["spec"]["ports"]:
            target = container_port(c, p.get("targetPort", p["port"]))
            rep.expect(target == port, "PORT", where, f"Service {services[0]['metadata']['name']} port {p['port']} reaches {target}, not {port}")

    # Probes: SmallRye Health's endpoints, on the service's port.
    rep.expect(svc.uses("quarkus-smallrye-health"), "PROBE", where, f"{svc.name} has no quarkus-smallrye-health: no /q/health endpoints")
    for probe, path in svc.health_paths().items():
        spec = c.get(probe)
        if not rep.expect(spec is not None and "httpGet" in spec, "PROBE", where, f"no HTTP {probe}"):
            continue
        rep.expect(spec["httpGet"].get("path") == path, "PROBE", where, f"{probe} asks {spec['httpGet'].get('path')}, {svc.name} answers {path}")
        rep.expect(container_port(c, spec["httpGet"].get("port")) == port, "PROBE", where, f"{probe} port {spec['httpGet'].get('port')} is not {port}")

    check_env(rep, r, svc, where, env)
    check_urls(rep, r, where, values)

    # Memory: the heap share the JVM takes must leave room for the rest of the process.
    limit = ((c.get("resources") or {}).get("limits") or {}).get("memory")
    opts = values.get("JAVA_OPTS", svc.docker["env"].get("JAVA_OPTS", ""))
    pct = re.search(r"-XX:MaxRAMPercentage=([\d.]+)", opts)
    xmx = re.search(r"-Xmx(\d+)([mMgG])", opts)
    if rep.expect(limit is not None and (pct or xmx), "RESOURCES", where, "needs a memory limit and a heap bound (MaxRAMPercentage or -Xmx)"):
        heap = mebibytes(limit) * float(pct.group(1)) / 100 if pct else int(xmx.group(1)) * (1024 if xmx.group(2) in "gG" else 1)
        rep.expect(mebibytes(limit) - heap >= MIN_NON_HEAP_MIB, "RESOURCES", where,
                   f"heap {heap:.0f} MiB leaves {mebibytes(limit) - heap:.0f} MiB of the {limit} limit for the rest of the JVM (< {MIN_NON_HEAP_MIB})")
    rep.expect(pod.get("automountServiceAccountToken") is False, "SECURITY", where, "the service needs no Kubernetes API token: automountServiceAccountToken: false")

    # Replicas, HPA, PDB.
    hpa = next((h for h in r.of("HorizontalPodAutoscaler") if h["spec"]["scaleTargetRef"]["name"] == svc.name), None)
    if svc.name in HPA_SERVICES:
        if rep.expect(hpa is not None and hpa["apiVersion"] == "autoscaling/v2", "HPA", where, "needs an autoscaling/v2 HorizontalPodAutoscaler"):
            rep.expect("replicas" not in dep["spec"], "HPA", where, "spec.replicas fights the HPA on every apply: leave it out")
            if env_name == "production":
                rep.expect(hpa["spec"].get("minReplicas", 1) >= 2, "HPA", where, "production needs minReplicas >= 2")
    elif env_name == "production":
        rep.expect(dep["spec"].get("replicas", 1) >= 2, "REPLICAS", where, "production runs at least 2 instances")
    pdbs = [p for p in r.of("PodDisruptionBudget") if matches(p["spec"]["selector"], dep["spec"]["template"]["metadata"]["labels"])]
    rep.expect(len(pdbs) == 1 and "maxUnavailable" in pdbs[0]["spec"], "PDB", where,
               "needs one PodDisruptionBudget with maxUnavailable (minAvailable blocks drains of a single replica)")

    check_database(rep, r, svc, where, env, values, dep, hpa, env_name)


def check_database(rep, r, svc, where, env, values, dep, hpa, env_name):
    url = values.get("DB_URL")
    if not svc.uses("quarkus-jdbc-postgresql"):
        return
    if not rep.expect(url is not None, "POSTGRES", where, "a PostgreSQL service without DB_URL would use its 127.0.0.1 default"):
        return
    m = re.match(r"jdbc:postgresql://([a-z0-9-]+)-rw(?:\.[a-z0-9.-]+)?:5432/([a-z0-9_]+)", url)
    if not rep.expect(m is not None, "POSTGRES", where, f"DB_URL {url} does not name a CloudNativePG -rw Service"):
        return
    cluster = r.get("Cluster", m.group(1))
    if not rep.expect(cluster is not None, "POSTGRES", where, f"no CloudNativePG Cluster {m.group(1)}"):
        return
    initdb = cluster["spec"].get("bootstrap", {}).get("initdb", {})
    rep.expect(initdb.get("database") == m.group(2), "POSTGRES", where, f"Cluster {m.group(1)} creates database {initdb.get('database')}, DB_URL wants {m.group(2)}")
    for var, key in (("DB_USER", "username"), ("DB_PASSWORD", "password")):
        rep.expect(env.get(var) == ("secret", (f"{m.group(1)}-app", key)), "POSTGRES", where,
                   f"{var} must come from the operator's Secret {m.group(1)}-app key {key}")
    most = hpa["spec"]["maxReplicas"] if hpa else dep["spec"].get("replicas", 1)
    pool = int(resolve(svc.props.get("quarkus.datasource.jdbc.max-size", "20"), values))
    limit = int((cluster["spec"].get("postgresql", {}).get("parameters") or {}).get("max_connections", 100))
    rep.expect(most * pool <= limit - PG_RESERVED_CONNECTIONS, "DB-CONNECTIONS", where,
               f"{most} pods x {pool} connections = {most * pool} > {limit} max_connections of {m.group(1)} - {PG_RESERVED_CONNECTIONS} reserved")


def check_postgres_clusters(rep, r, env_name):
    want = 3 if env_name == "production" else 1
    for c in r.of("Cluster"):
        n, where = c["metadata"]["name"], f"{env_name}/Cluster {c['metadata']['name']}"
        rep.expect(c["spec"].get("instances") == want, "POSTGRES", where, f"{c['spec'].get('instances')} instances, {env_name} wants {want}")
        if env_name == "production":
            plugin = next((p for p in c["spec"].get("plugins") or [] if p["name"] == "barman-cloud.cloudnative-pg.io"), None)
            if rep.expect(plugin is not None and plugin.get("isWALArchiver"), "BACKUP", where, "no WAL archiving through the barman-cloud plugin"):
                store = plugin.get("parameters", {}).get("barmanObjectName")
                rep.expect(r.get("ObjectStore", store) is not None, "BACKUP", where, f"ObjectStore {store} is missing")
            rep.expect(any(b["spec"]["cluster"]["name"] == n for b in r.of("ScheduledBackup")), "BACKUP", where, "no ScheduledBackup")


def check_pod_security(rep, r, env_name):
    for d in r.of("Deployment"):
        where, pod = f"{env_name}/{d['metadata']['name']}", d["spec"]["template"]["spec"]
        psc = pod.get("securityContext") or {}
        rep.expect(psc.get("runAsNonRoot") is True and psc.get("runAsUser", 1) != 0, "SECURITY", where, "pods must run as non-root (runAsNonRoot: true)")
        for c in pod["containers"]:
            sc = c.get("securityContext") or {}
            seccomp = (sc.get("seccompProfile") or psc.get("seccompProfile") or {}).get("type")
            rep.expect(seccomp == "RuntimeDefault", "SECURITY", where, f"{c['name']}: seccompProfile RuntimeDefault")
            rep.expect(sc.get("allowPrivilegeEscalation") is False and not sc.get("privileged"), "SECURITY", where, f"{c['name']}: allowPrivilegeEscalation: false")
            rep.expect(sc.get("readOnlyRootFilesystem") is True, "SECURITY", where, f"{c['name']}: readOnlyRootFilesystem: true")
            rep.expect("ALL" in ((sc.get("capabilities") or {}).get("drop") or []), "SECURITY", where, f"{c['name']}: capabilities.drop [ALL]")
            tmp = [m for m in c.get("volumeMounts") or [] if m["mountPath"] == "/tmp"]
            vols = {v["name"]: v for v in pod.get("volumes") or []}
            rep.expect(len(tmp) == 1 and "emptyDir" in vols.get(tmp[0]["name"], {}), "SECURITY", where, f"{c['name']}: a read-only root needs an emptyDir at /tmp")
            res = c.get("resources") or {}
            rep.expect({"cpu", "memory"} <= set(res.get("requests") or {}) and "memory" in (res.get("limits") or {}), "RESOURCES", where,
                       f"{c['name']}: needs cpu and memory requests and a memory limit")


def check_configmaps(rep, r, env_name):
    for cm in r.of("ConfigMap"):
        for k in cm.get("data") or {}:
            rep.expect(not sensitive(k), "ENV-LITERAL-SECRET", f"{env_name}/ConfigMap {cm['metadata']['name']}", f"{k} looks like a secret and sits in a ConfigMap")


def check_cleartext_secrets(rep, r, env_name):
    if env_name != "production":
        return
    for s in r.of("Secret"):
        rep.expect(not (s.get("data") or s.get("stringData")), "SECRET-CLEARTEXT", f"production/Secret {s['metadata']['name']}",
                   "production may not carry secret values: reference a Secret made by an operator or the secret store")


def the_one(rep, r, kind, code, where):
    found = r.of(kind)
    return found[0] if rep.expect(len(found) == 1, code, where, f"{len(found)} {kind} resources, expected 1") else None


def admitted(r, peers):
    """Workloads a rule's peer list admits; no list at all admits everyone."""
    return set().union(*(r.pods_selected(p) for p in peers)) if peers else {"<everyone>"}


def check_kafka(rep, r, services, env_name):
    where = f"{env_name}/kafka"
    k = the_one(rep, r, "Kafka", "KAFKA", where)
    if k is None:
        return
    name = k["metadata"]["name"]
    pools = [p for p in r.of("KafkaNodePool") if p["metadata"].get("labels", {}).get("strimzi.io/cluster") == name]
    brokers = sum(p["spec"]["replicas"] for p in pools if "broker" in p["spec"]["roles"])
    controllers = sum(p["spec"]["replicas"] for p in pools if "controller" in p["spec"]["roles"])
    want = 3 if env_name == "production" else 1
    rep.expect(brokers == want, "KAFKA", where, f"{brokers} brokers, {env_name} wants {want}")
    rep.expect(controllers % 2 == 1 and controllers >= want, "KAFKA", where, f"{controllers} KRaft controllers: an odd number, at least {want}")
    config = k["spec"]["kafka"].get("config") or {}
    rf, isr = (3, 2) if env_name == "production" else (1, 1)
    rep.expect(int(config.get("min.insync.replicas", 1)) == isr and int(config.get("default.replication.factor", 1)) == rf, "KAFKA", where,
               f"broker defaults must be replication factor {rf}, min.insync.replicas {isr}")
    rep.expect(str(config.get("auto.create.topics.enable", "true")).lower() == "false", "KAFKA", where, "topics are declared: auto.create.topics.enable false")
    for listener in k["spec"]["kafka"]["listeners"]:
        sources = admitted(r, listener.get("networkPolicyPeers"))
        kafka_services = {s.name for s in services if s.uses("quarkus-messaging-kafka")}
        rep.expect(sources <= kafka_services, "NETPOL", where, f"listener {listener['name']} admits {sorted(sources - kafka_services)}, only the Kafka services may connect")
        rep.expect(listener.get("tls") is True and listener.get("authentication"), "KAFKA", where, f"listener {listener['name']} must use TLS and authentication")

    topics = {t.get("spec", {}).get("topicName", t["metadata"]["name"]): t for t in r.of("KafkaTopic")}
    expected = platform_topics()
    rep.expect(set(topics) == set(expected), "KAFKA", where, f"KafkaTopics {sorted(topics)} differ from deploy/local/platform's {sorted(expected)}")
    for t, spec in ((t, d["spec"]) for t, d in topics.items()):
        tw = f"{where}/{t}"
        cfg = spec.get("config") or {}
        rep.expect(spec.get("partitions") == expected.get(t), "KAFKA", tw, f"{spec.get('partitions')} partitions, deploy/local/platform has {expected.get(t)}")
        rep.expect(spec.get("replicas") == rf and int(cfg.get("min.insync.replicas", config.get("min.insync.replicas", 1))) == isr, "KAFKA", tw,
                   f"replicas {spec.get('replicas')} / min.insync.replicas {cfg.get('min.insync.replicas')}: {env_name} wants {rf} / {isr}")
        if t in REPLAYABLE_TOPICS:
            rep.expect("compact" not in str(cfg.get("cleanup.policy", "delete")) and int(cfg.get("retention.ms", 0)) == -1, "KAFKA", tw,
                       "scoring rebuilds from this topic: keep every event (retention.ms -1, no compaction)")

    users = {u["metadata"]["name"]: u for u in r.of("KafkaUser")}
    for svc in services:
        if not svc.uses("quarkus-messaging-kafka"):
            continue
        user = users.get(svc.name)
        if not rep.expect(user is not None, "KAFKA", where, f"no KafkaUser {svc.name}"):
            continue
        acls = user["spec"].get("authorization", {}).get("acls", [])

        def allowed(kind, resource, op):
            return any(a["resource"]["type"] == kind and op in a.get("operations", [])
                       and (resource == a["resource"]["name"] if a["resource"].get("patternType", "literal") == "literal"
                            else resource.startswith(a["resource"]["name"])) for a in acls)

        for channel, (topic, group) in svc.incoming().items():
            rep.expect(allowed("topic", topic, "Read") and allowed("group", group, "Read"), "KAFKA", f"{where}/{svc.name}",
                       f"channel {channel} reads {topic} as group {group}: KafkaUser {svc.name} lacks Read on the topic or the group")
        for topic in svc.outgoing_topics():
            rep.expect(allowed("topic", topic, "Write"), "KAFKA", f"{where}/{svc.name}", f"KafkaUser {svc.name} may not write {topic}")


def check_keycloak(rep, r, env_name, realm_name):
    where = f"{env_name}/keycloak"
    kc = the_one(rep, r, "Keycloak", "KEYCLOAK", where)
    if kc is None:
        return
    hostname = (kc["spec"].get("hostname") or {}).get("hostname", "")
    issuer = f"{hostname.rstrip('/')}/realms/{realm_name}"
    for cm in r.of("ConfigMap"):
        if "JWT_ISSUER" in (cm.get("data") or {}):
            rep.expect(cm["data"]["JWT_ISSUER"] == issuer, "KEYCLOAK", where,
                       f"JWT_ISSUER {cm['data']['JWT_ISSUER']} is not the issuer Keycloak writes into tokens ({issuer})")
    if env_name == "production":
        rep.expect(hostname.startswith("https://"), "KEYCLOAK", where, f"Keycloak's public URL {hostname} must be HTTPS")
    host = re.sub(r"^https?://", "", hostname).split("/")[0]
    routed = any(rule.get("host") == host and any(p["path"].startswith("/realms") and p["backend"]["service"]["name"] == f"{kc['metadata']['name']}-service"
                                                  for p in rule["http"]["paths"]) for ing in r.of("Ingress") for rule in ing["spec"]["rules"])
    rep.expect(routed, "KEYCLOAK", where, f"no Ingress routes {host}/realms/ to {kc['metadata']['name']}-service: nobody could log in")
    np = kc["spec"].get("networkPolicy") or {}
    if rep.expect(np.get("enabled", True) and np.get("http"), "NETPOL", where, "Keycloak's operator-made NetworkPolicy must be on and name its HTTP peers"):
        # The services (JWKS, admin API) and the ingress controller's namespace (log-ins).
        sources = admitted(r, np["http"])
        allowed = services_with_tokens(r) | {"<other namespaces>"}
        rep.expect(sources <= allowed, "NETPOL", where, f"Keycloak's HTTP port admits {sorted(sources - allowed)}")

    for imp in r.of("KeycloakRealmImport"):
        realm = imp["spec"]["realm"]
        placeholders = set((imp["spec"].get("placeholders") or {}))
        for name, ph in (imp["spec"].get("placeholders") or {}).items():
            ref = ph.get("secret", {})
            keys = r.secrets.get(ref.get("name"), "missing")
            rep.expect(keys != "missing" and (keys is None or ref.get("key") in keys), "SECRET-REF", where,
                       f"realm placeholder {name} reads Secret {ref.get('name')} key {ref.get('key')}, which nothing creates")
        values = [(f"client {c['clientId']} secret", c.get("secret")) for c in realm.get("clients", []) if c.get("secret")]
        values += [(f"user {u['username']} credential", cr.get("value")) for u in realm.get("users", []) for cr in u.get("credentials", [])]
        for what, value in values:
            m = re.fullmatch(r"\$\{([A-Z0-9_]+)\}", value or "")
            if m:
                rep.expect(m.group(1) in placeholders, "KEYCLOAK", where, f"{what} uses ${{{m.group(1)}}} but the import defines no such placeholder")
            elif env_name == "production":
                rep.expect(False, "KEYCLOAK", where, f"{what} is written in clear text in the realm import")
        if env_name == "production":
            for c in realm.get("clients", []):
                rep.expect(not (c.get("publicClient") and c.get("directAccessGrantsEnabled")), "KEYCLOAK", where,
                           f"public client {c['clientId']} allows the password grant")
                local = [u for u in c.get("redirectUris") or [] if re.search(r"//(localhost|127\.)|^http://", u)]
                rep.expect(not local, "KEYCLOAK", where, f"client {c['clientId']} redirects to {local}")


def services_with_tokens(r):
    """Deployments that verify tokens (they read the JWKS, so they carry JWT_JWKS_URL)."""
    return {d["metadata"]["name"] for d in r.of("Deployment")
            if any("JWT_JWKS_URL" in container_env(r, c) for c in d["spec"]["template"]["spec"]["containers"])}


def check_realm_source(rep):
    committed = json.loads(REALM_IMPORT.read_text())
    rep.expect(committed == realm_import_document(), "KEYCLOAK", str(REALM_IMPORT.relative_to(ROOT)),
               f"differs from {REALM_FILE.relative_to(ROOT)}: run deploy/k8s/check --write-realm and commit it")


def check_gateway_edge(rep, r, env_name):
    """Production: the gateway sits behind the TLS Ingress. Without trusting its X-Forwarded-*,
    every request looks like plain HTTP (no HSTS, X-Forwarded-Proto: http to the services); without
    CORS origins, no portal can call the API from a browser."""
    if env_name != "production":
        return
    where = f"{env_name}/gateway"
    dep = r.get("Deployment", "gateway")
    if dep is None:
        return
    values = plain_values(container_env(r, dep["spec"]["template"]["spec"]["containers"][0]))
    rep.expect(values.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING") == "true", "EDGE", where,
               "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING must be true behind the TLS Ingress, or the gateway sees http")
    rep.expect(bool(values.get("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "").strip()), "EDGE", where,
               "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES must name the ingress controller, the only proxy whose X-Forwarded-* counts")
    origins = [o.strip() for o in values.get("CORS_ALLOWED_ORIGINS", "").split(",") if o.strip()]
    rep.expect(bool(origins), "EDGE", where, "CORS_ALLOWED_ORIGINS is empty: no portal could call the API from a browser")
    for origin in origins:
        rep.expect(re.fullmatch(r"https://[A-Za-z0-9.-]+(:\d+)?", origin) is not None, "EDGE", where,
                   f"CORS origin {origin!r} must be an exact https origin (no wildcard, path or plain http)")
    rep.expect(values.get("HSTS", "when-tls") != "never", "EDGE", where, "HSTS=never in production")


def check_ingress(rep, r, env_name):
    allowed = {"gateway"} | {f"{k['metadata']['name']}-service" for k in r.of("Keycloak")}
    for ing in r.of("Ingress"):
        where = f"{env_name}/Ingress {ing['metadata']['name']}"
        hosts = set()
        for rule in ing["spec"]["rules"]:
            hosts.add(rule.get("host"))
            for p in rule["http"]["paths"]:
                backend = p["backend"]["service"]["name"]
                rep.expect(backend in allowed, "INGRESS", where, f"exposes {backend}; only the gateway and Keycloak's log-in are public")
        if env_name == "production":
            covered = {h for t in ing["spec"].get("tls") or [] for h in t.get("hosts") or []}
            rep.expect(hosts <= covered, "INGRESS", where, f"hosts without TLS: {sorted(hosts - covered)}")


def policies_for(r, workload, direction):
    labels = r.pods[workload]
    return [p for p in r.of("NetworkPolicy") if matches(p["spec"]["podSelector"], labels)
            and direction in p["spec"].get("policyTypes", ["Ingress"])]


def rule_ports(rule):
    return {p.get("port") for p in rule.get("ports") or []} or {"<any>"}


def check_network(rep, r, services, env_name):
    where = f"{env_name}/network"
    rep.expect(any(p["spec"]["podSelector"] in ({}, None) and {"Ingress", "Egress"} <= set(p["spec"].get("policyTypes", []))
                   and not p["spec"].get("ingress") and not p["spec"].get("egress") for p in r.of("NetworkPolicy")),
               "NETPOL", where, "no default-deny policy (podSelector {} for Ingress and Egress, no rules)")
    ports = {}
    for svc in services:
        dep = r.get("Deployment", svc.name)
        if dep:
            ports[svc.name] = svc.port(plain_values(container_env(r, dep["spec"]["template"]["spec"]["containers"][0])))
    for svc in services:
        if svc.name not in r.pods:
            continue
        w = f"{where}/{svc.name}"
        for pol in policies_for(r, svc.name, "Ingress"):
            for rule in pol["spec"].get("ingress") or []:
                sources = admitted(r, rule.get("from"))
                if svc.name == "gateway":
                    ok = sources == {"<other namespaces>"}
                    rep.expect(ok, "NETPOL", w, f"policy {pol['metadata']['name']} admits {sorted(sources)}; only the ingress controller's namespace may reach the gateway")
                else:
                    rep.expect(sources <= {"gateway"}, "NETPOL", w, f"policy {pol['metadata']['name']} admits {sorted(sources - {'gateway'})}; only the gateway may call {svc.name}")
                rep.expect(rule_ports(rule) <= {ports[svc.name], "http"}, "NETPOL", w, f"policy {pol['metadata']['name']} opens ports {sorted(map(str, rule_ports(rule)))}, not just {ports[svc.name]}")
        for pol in policies_for(r, svc.name, "Egress"):
            for rule in pol["spec"].get("egress") or []:
                rep.expect(bool(rule.get("to")), "NETPOL", w, f"policy {pol['metadata']['name']} lets {svc.name} reach any address")
                for peer in rule.get("to") or []:
                    block = peer.get("ipBlock")
                    if block and ipaddress.ip_network(block["cidr"]).version == 4 and ipaddress.ip_network(block["cidr"]).prefixlen == 0:
                        excepted = [ipaddress.ip_network(e) for e in block.get("except") or []]
                        leaks = [n for n in MUST_NOT_LEAVE if not any(ipaddress.ip_network(n).subnet_of(e) for e in excepted)]
                        rep.expect(svc.name == "notification-service" and not leaks, "NETPOL", w,
                                   f"policy {pol['metadata']['name']}: internet egress {'leaks into ' + str(leaks) if leaks else 'is for notification-service only'}")
        # The service's database: only the service itself (and the database's own instances and operator).
        dep = r.get("Deployment", svc.name)
        url = plain_values(container_env(r, dep["spec"]["template"]["spec"]["containers"][0])).get("DB_URL", "") if dep else ""
        m = re.match(r"jdbc:postgresql://([a-z0-9-]+)-rw", url)
        if m and m.group(1) in r.pods:
            db = m.group(1)
            for pol in policies_for(r, db, "Ingress"):
                for rule in pol["spec"].get("ingress") or []:
                    sources = admitted(r, rule.get("from"))
                    rep.expect(sources <= {svc.name, db, "<other namespaces>"}, "NETPOL", f"{where}/{db}",
                               f"policy {pol['metadata']['name']} admits {sorted(sources - {svc.name, db, '<other namespaces>'})} to {svc.name}'s database")


def check_dockerfile(rep, svc_name, docker, port, where):
    rep.expect((docker["from"] or "").startswith(JRE_BASES), "DOCKERFILE", where, f"FROM {docker['from']}: use a JRE 17 base ({', '.join(JRE_BASES)})")
    user = (docker["user"] or "root").split(":")[0]
    rep.expect(user not in ("root", "0") and user.isdigit(), "DOCKERFILE", where, f"USER {docker['user']}: a numeric non-root user (runAsNonRoot can verify only numbers)")
    rep.expect(docker["expose"] == [port], "DOCKERFILE", where, f"EXPOSE {docker['expose']}, {svc_name} listens on {port}")
    rep.expect(any("target/quarkus-app" in c for c in docker["copies"]), "DOCKERFILE", where, "does not copy target/quarkus-app")
    rep.expect("quarkus-run.jar" in (docker["entrypoint"] or "") and "$JAVA_OPTS" in (docker["entrypoint"] or ""), "DOCKERFILE", where,
               "ENTRYPOINT must run quarkus-run.jar with $JAVA_OPTS")
    rep.expect("MaxRAMPercentage" in docker["env"].get("JAVA_OPTS", ""), "DOCKERFILE", where, "JAVA_OPTS must size the heap from the container limit (-XX:MaxRAMPercentage)")


def check_overlay(rep, docs, services, env_name):
    r = Rendering(docs)
    realm_name = next((i["spec"]["realm"]["realm"] for i in r.of("KeycloakRealmImport")), "feedback360")
    for svc in services:
        check_service_deployment(rep, r, svc, env_name)
    check_pod_security(rep, r, env_name)
    check_configmaps(rep, r, env_name)
    check_cleartext_secrets(rep, r, env_name)
    check_postgres_clusters(rep, r, env_name)
    check_kafka(rep, r, services, env_name)
    check_keycloak(rep, r, env_name, realm_name)
    check_ingress(rep, r, env_name)
    check_gateway_edge(rep, r, env_name)
    check_network(rep, r, services, env_name)
    return r


def check_repository(rep, services):
    check_realm_source(rep)
    for svc in services:
        check_dockerfile(rep, svc.name, svc.docker, svc.port({}), str(svc.dockerfile_path.relative_to(ROOT)))


# ---------------------------------------------------------------------------------------------
# Self-test: planted faults must be found
# ---------------------------------------------------------------------------------------------
def self_test(services):
    rep = Report("fixture")
    check_overlay(rep, render(FIXTURE), services, "production")
    # Faults a rendering cannot plant: a broken image recipe and a setting without a default.
    check_dockerfile(rep, "gateway", parse_dockerfile(FIXTURE_DOCKERFILE.read_text()), 8080, "check-fixtures/Dockerfile.broken")
    needy = services[0]
    needy.reads = {**needy.reads, "SOME_REQUIRED_SETTING": None, "SOME_SIGNING_KEY": "dev-value"}
    check_required_env(rep, needy, "fixture/required", {})
    return rep


# ---------------------------------------------------------------------------------------------
def print_failures(rep):
    for code, where, message in rep.failures:
        print(f"  ✗ [{code}] {where}: {message}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-realm", action="store_true", help=f"regenerate {REALM_IMPORT.relative_to(ROOT)} from the realm file")
    parser.add_argument("--verbose", action="store_true", help="also list the faults the self-test found")
    args = parser.parse_args()
    if args.write_realm:
        write_realm_import()
        print(f"wrote {REALM_IMPORT.relative_to(ROOT)}")

    services = discover_services()
    print(f"services: {', '.join(s.name for s in services)}")
    failed = False

    repo = Report("repository")
    check_repository(repo, services)
    print(f"── repository (Dockerfiles, realm import): {repo.checked} checks, {len(repo.failures)} failed")
    print_failures(repo)
    failed |= bool(repo.failures)

    for env_name, directory in OVERLAYS.items():
        rep = Report(env_name)
        try:
            docs = render(directory)
        except RuntimeError as e:
            print(f"── {env_name}: ✗ {e}")
            failed = True
            continue
        check_overlay(rep, docs, discover_services(), env_name)
        print(f"── {env_name} ({directory.relative_to(ROOT)}): {len(docs)} resources, {rep.checked} checks, {len(rep.failures)} failed")
        print_failures(rep)
        failed |= bool(rep.failures)

    fixture = self_test(discover_services())
    missed = FIXTURE_EXPECTS - fixture.codes()
    print(f"── self-test ({FIXTURE.relative_to(ROOT)}): {len(fixture.failures)} faults reported, "
          f"kinds {', '.join(sorted(fixture.codes()))}")
    if args.verbose:
        print_failures(fixture)
    if missed:
        print(f"  ✗ the planted faults of kind {', '.join(sorted(missed))} went unnoticed: that check cannot fail")
        failed = True

    if failed:
        print("KUBERNETES MANIFESTS: CHECK FAILED")
        return 1
    print("kubernetes manifests: all checks passed, and the self-test caught every planted fault")
    return 0


if __name__ == "__main__":
    sys.exit(main())
