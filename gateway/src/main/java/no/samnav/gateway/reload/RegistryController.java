package no.samnav.gateway.reload;

import no.samnav.gateway.registry.InvalidCooperationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator action: {@code POST /api/registry/reload} re-reads the cooperation file. An invalid file
 * is answered with 422 and a problem detail saying what to fix; the configuration in force stays.
 */
@RestController
@RequestMapping("/api/registry")
public class RegistryController {

    private final ReloadService reload;

    public RegistryController(ReloadService reload) {
        this.reload = reload;
    }

    @PostMapping("/reload")
    public ReloadService.Result reload() throws Exception {
        return reload.reload();
    }

    @ExceptionHandler(InvalidCooperationException.class)
    ProblemDetail invalid(InvalidCooperationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("Invalid cooperation file; the configuration in force is unchanged");
        return problem;
    }
}
