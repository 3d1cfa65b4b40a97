package io.dmpilot.sim.load;

import io.dmpilot.kit.ProblemException;
import io.dmpilot.sim.SendLog;
import io.dmpilot.sim.SimConfig;
import io.dmpilot.sim.WebhookDelivery;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Load runs over REST: {@code POST /sim/load/runs} starts one in the background (202), {@code GET} follows it,
 * {@code …/histograms/{step}} gives a step's raw HDR percentile distribution. One run at a time: two would
 * measure each other.
 */
@Path("/sim/load/runs")
@Produces(MediaType.APPLICATION_JSON)
public class LoadResource {
    private final Map<String, LoadRun> runs = new ConcurrentHashMap<>();
    private final WebhookDelivery delivery;
    private final SendLog sendLog;
    private final SimConfig config;

    public LoadResource(WebhookDelivery delivery, SendLog sendLog, SimConfig config) {
        this.delivery = delivery;
        this.sendLog = sendLog;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public synchronized Response start(LoadPlan plan) {
        LoadPlan valid = (plan == null
                        ? new LoadPlan(null, null, null, null, null, null, null, null, null, null, null)
                        : plan)
                .validated();
        runs.values().stream().filter(run -> !run.finished()).findAny().ifPresent(running -> {
            throw ProblemException.conflict("load run " + running.id() + " is still running");
        });
        String id = "load-" + UUID.randomUUID().toString().substring(0, 8);
        LoadRun run = new LoadRun(id, valid, delivery, sendLog, config);
        runs.put(id, run);
        Thread thread = new Thread(run, id);
        thread.setDaemon(true);
        thread.start();
        return Response.accepted(run.status()).build();
    }

    @GET
    @Path("/{id}")
    public LoadStatus status(@PathParam("id") String id) {
        return find(id).status();
    }

    @GET
    @Path("/{id}/report")
    @Produces("text/markdown")
    public String report(@PathParam("id") String id) {
        return LoadReport.markdown(find(id).status());
    }

    @GET
    @Path("/{id}/histograms/{step}")
    @Produces(MediaType.TEXT_PLAIN)
    public String histogram(@PathParam("id") String id, @PathParam("step") int step) {
        LoadRun run = find(id);
        if (step < 0 || step >= run.plan().rates().size()) {
            throw ProblemException.notFound("run " + id + " has no step " + step);
        }
        return run.tally().percentileDistribution(step);
    }

    private LoadRun find(String id) {
        LoadRun run = runs.get(id);
        if (run == null) throw ProblemException.notFound("no load run " + id);
        return run;
    }
}
