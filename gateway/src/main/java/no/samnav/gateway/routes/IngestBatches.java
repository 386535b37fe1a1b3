package no.samnav.gateway.routes;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import no.samnav.gateway.config.SamnavProperties;
import no.samnav.gateway.flow.IngestService;
import no.samnav.gateway.flow.RoutingService.DeliveryOrder;
import no.samnav.gateway.observability.GatewayMetrics;
import no.samnav.gateway.observability.MessageIdMdc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores, routes and queues the inputs of the file channels several at a time: one store
 * transaction and one broker transaction for a batch instead of one of each per message. The
 * commits are what costs: with {@code WRITE_DELAY=0} every H2 commit writes every page it changed,
 * and every durable send waits for the broker's journal. Parsing stays on the callers' threads.
 * <p>
 * A batch takes what has queued up while the one before was committing, at most
 * {@code samnav.ingest.batch-size} inputs, so it waits for nobody: one input alone is a batch of
 * one. Each input gets a savepoint, so one that fails (the store refusing it) is taken back alone
 * and its caller told; the others commit. The store commits before the broker's transaction, and an
 * input's future completes only after both: a file stays in the outbox until then. After a stop
 * between the two the file is read again and the store recognises it (a resubmission queues the
 * deliveries not yet made), as with one message per transaction.
 */
@Service
public class IngestBatches implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IngestBatches.class);

    private final IngestService ingest;
    private final GatewayMetrics metrics;
    private final TransactionTemplate batchTransaction;
    private final TransactionTemplate inputSavepoint;
    private final JmsTemplate jms;
    private final int batchSize;
    private final int threads;
    private final BlockingQueue<Input> waiting;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    public IngestBatches(IngestService ingest, TransactionTemplate transactions, ConnectionFactory connectionFactory,
            SamnavProperties properties, GatewayMetrics metrics) {
        this.ingest = ingest;
        this.metrics = metrics;
        this.batchSize = properties.ingest().batchSize();
        this.threads = properties.ingest().batchThreads();
        this.batchTransaction = new TransactionTemplate(transactions.getTransactionManager());
        this.inputSavepoint = new TransactionTemplate(transactions.getTransactionManager());
        this.inputSavepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.jms = new JmsTemplate(connectionFactory);
        // a local broker transaction: every order of the batch is sent and made durable by one commit
        this.jms.setSessionTransacted(true);
        // callers wait here when the batches cannot keep up: parsed inputs do not pile up in the heap
        this.waiting = new ArrayBlockingQueue<>(batchSize * threads);
    }

    /** An input waiting for its batch, and its caller's answer. */
    private record Input(IngestService.Prepared prepared, CompletableFuture<IngestService.Outcome> outcome) {
    }

    /**
     * Hands a prepared input to the next batch; the future completes when its message is stored,
     * routed and its next steps are on their durable queues, or fails when it could not be.
     * Blocks while {@code batch-size × batch-threads} inputs are waiting.
     */
    public CompletableFuture<IngestService.Outcome> submit(IngestService.Prepared prepared) throws InterruptedException {
        CompletableFuture<IngestService.Outcome> outcome = new CompletableFuture<>();
        if (!running) {
            outcome.completeExceptionally(new IllegalStateException("the gateway is stopping; the input is taken again at the next start"));
            return outcome;
        }
        waiting.put(new Input(prepared, outcome));
        return outcome;
    }

    private void work() {
        List<Input> batch = new ArrayList<>(batchSize);
        while (running || !waiting.isEmpty()) {
            try {
                Input first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                waiting.drainTo(batch, batchSize - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                // commit(...) answers every input itself; this is a defect, and the callers must not wait forever
                log.error("ingest batch failed unexpectedly", e);
                batch.forEach(input -> input.outcome().completeExceptionally(e));
            } finally {
                batch.clear();
                MDC.remove(MessageIdMdc.KEY);
            }
        }
        for (Input left; (left = waiting.poll()) != null; ) {
            left.outcome().completeExceptionally(new IllegalStateException("the gateway stopped before the input was stored"));
        }
    }

    /** Stores the batch in one transaction (a savepoint per input), then queues its next steps in one broker transaction. */
    private void commit(List<Input> batch) {
        IngestService.Outcome[] outcomes = new IngestService.Outcome[batch.size()];
        RuntimeException[] failures = new RuntimeException[batch.size()];
        try {
            batchTransaction.executeWithoutResult(tx -> {
                for (int i = 0; i < batch.size(); i++) {
                    IngestService.Prepared prepared = batch.get(i).prepared();
                    try {
                        outcomes[i] = inputSavepoint.execute(savepoint -> ingest.store(prepared));
                    } catch (RuntimeException e) {
                        failures[i] = e;
                        log.warn("input from {} could not be stored ({}); it stays with its channel and is taken again",
                                prepared.channel().id(), e.getClass().getSimpleName());
                    }
                }
            });
        } catch (RuntimeException e) {
            log.warn("ingest batch of {} not stored ({}); the inputs stay with their channels and are taken again",
                    batch.size(), e.getClass().getSimpleName());
            batch.forEach(input -> input.outcome().completeExceptionally(e));
            return;
        }
        try {
            jms.execute(session -> {
                send(session, outcomes);
                // JmsTemplate commits only its own sends; a cached session closed with its transaction open rolls back
                session.commit();
                return null;
            }, false);
        } catch (RuntimeException e) {
            log.warn("next steps of an ingest batch of {} not queued ({}); the inputs stay with their channels and are"
                    + " taken again", batch.size(), e.getClass().getSimpleName());
            batch.forEach(input -> input.outcome().completeExceptionally(e));
            return;
        }
        metrics.ingestBatch(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (failures[i] != null) batch.get(i).outcome().completeExceptionally(failures[i]);
            else batch.get(i).outcome().complete(outcomes[i]);
        }
    }

    private static void send(Session session, IngestService.Outcome[] outcomes) throws jakarta.jms.JMSException {
        MessageProducer producer = session.createProducer(null);
        try {
            for (IngestService.Outcome outcome : outcomes) {
                if (outcome == null) continue;
                for (DeliveryOrder order : IngestProcessor.nextSteps(outcome)) {
                    Message message = session.createTextMessage(order.messageId());
                    message.setStringProperty(MessageIdMdc.HEADER, order.messageId());
                    if (!order.isRouting()) message.setStringProperty(Queues.PARTICIPANT_HEADER, order.participant());
                    producer.send(session.createQueue(order.isRouting() ? Queues.ROUTE : Queues.deliverTo(order.participant())),
                            message);
                }
            }
        } finally {
            producer.close();
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(this::work, "samnav-ingest-batch-" + (i + 1));
            worker.start();
            workers.add(worker);
        }
    }

    @Override
    public void stop() {
        running = false;
        for (Thread worker : workers) {
            try {
                worker.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Started before the routes that submit to it and stopped after them (Camel's context runs at
     * a higher phase), so that the inputs the routes hand over while they stop are still stored.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2;
    }
}
