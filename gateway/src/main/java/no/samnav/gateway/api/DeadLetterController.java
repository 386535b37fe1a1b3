package no.samnav.gateway.api;

import java.util.List;
import no.samnav.gateway.operator.DeadLetterService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator API's dead letters: list them, resend one, resend all (of one participant). */
@RestController
@RequestMapping(path = "/api/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
public class DeadLetterController {

    private final DeadLetterService deadLetters;

    public DeadLetterController(DeadLetterService deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    public MessageViews.DeadLetters list(@RequestParam(name = "participant", required = false) String participant) {
        List<MessageViews.DeadLetter> found = deadLetters.list(participant).stream().map(MessageViews.DeadLetter::of).toList();
        return new MessageViews.DeadLetters(found.size(), found);
    }

    @PostMapping("/{messageId}/resend")
    public MessageViews.Resent resend(@PathVariable("messageId") String messageId, @RequestParam(name = "participant", required = false) String participant) {
        return MessageViews.Resent.of(deadLetters.resend(messageId, participant));
    }

    @PostMapping("/resend")
    public MessageViews.ResentAll resendAll(@RequestParam(name = "participant", required = false) String participant) {
        List<MessageViews.Resent> resent = deadLetters.resendAll(participant).stream().map(MessageViews.Resent::of).toList();
        return new MessageViews.ResentAll(resent.size(), resent);
    }
}
