import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Demo app for Stageboard's run-stage tests, started with "java Server.java" in a release folder.
 * PORT and GREETING come from the environment (.env). The file health-behaviour, packed into the
 * It prints its config, API_TOKEN included, as a careless app would. The file health-behaviour, packed into the
 * artifact, says how /health answers: "ok" (200), "fail" (500) or "exit" (the app quits at once).
 */
public class Server {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        String greeting = System.getenv().getOrDefault("GREETING", "hello");
        Path behaviourFile = Path.of("health-behaviour");
        String behaviour = Files.exists(behaviourFile) ? Files.readString(behaviourFile).strip() : "ok";
        // Like many real apps, it prints its config, secrets included: Stageboard must mask them.
        String token = System.getenv().getOrDefault("API_TOKEN", "");
        System.out.println("demo server: config PORT=" + port + " API_TOKEN=" + token);
        if (behaviour.equals("exit")) {
            System.out.println("demo server: exiting on purpose");
            System.exit(3);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/health", exchange -> respond(exchange, behaviour.equals("fail") ? 500 : 200,
                behaviour.equals("fail") ? "unhealthy: cannot log in with token " + token + "\n" : "ok\n"));
        server.createContext("/", exchange -> respond(exchange, 200, greeting));
        server.start();
        System.out.println("demo server: listening on 127.0.0.1:" + port + ", health " + behaviour);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
