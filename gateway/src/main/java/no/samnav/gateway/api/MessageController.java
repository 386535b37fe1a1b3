package no.samnav.gateway.api;

import java.util.List;
import no.samnav.gateway.operator.NotFoundException;
import no.samnav.gateway.store.MessageQuery;
import no.samnav.gateway.journal.JournalStore;
import no.samnav.gateway.store.MessageStore;
import no.samnav.gateway.store.StoredMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator API's view of the message store: search, one message with its status timeline and
 * deliveries, and its original bytes. A message is found by the gateway's id or its own MsgId.
 */
@RestController
@RequestMapping(path = "/api/messages")
public class MessageController {

    private final MessageStore store;
    private final JournalStore journal;

    public MessageController(MessageStore store, JournalStore journal) {
        this.journal = journal;
        this.store = store;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public MessageViews.SearchResult search(@RequestParam(name = "patient", required = false) String patient,
            @RequestParam(name = "sender", required = false) String sender, @RequestParam(name = "receiver", required = false) String receiver,
            @RequestParam(name = "status", required = false) String status, @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to, @RequestParam(name = "limit", required = false) Integer limit) {
        MessageQuery query;
        try {
            query = MessageQuery.parse(patient, sender, receiver, status, from, to, limit);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        List<MessageViews.Summary> found = store.find(query).stream().map(MessageViews.Summary::of).toList();
        return new MessageViews.SearchResult(found.size(), query.limit(), found);
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public MessageViews.Detail message(@PathVariable("id") String id) {
        StoredMessage m = find(id);
        return MessageViews.Detail.of(m, store.events(m.id()), store.deliveries(m.id()),
                journal.documentPublishedFrom(m.id()).orElse(null));
    }

    /** The message as received, byte for byte (XML in the encoding it declares). */
    @GetMapping(path = "/{id}/original")
    public ResponseEntity<byte[]> original(@PathVariable("id") String id) {
        StoredMessage m = find(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(store.original(m.id()));
    }

    private StoredMessage find(String id) {
        return store.byIdOrMsgId(id).orElseThrow(() -> new NotFoundException("no message " + id));
    }
}
