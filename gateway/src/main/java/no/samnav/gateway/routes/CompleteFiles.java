package no.samnav.gateway.routes;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.springframework.stereotype.Component;

/** Accepts only non-empty files: an empty file is one whose writer has not written yet. */
@Component("completeFiles")
public class CompleteFiles implements GenericFileFilter<Object> {

    @Override
    public boolean accept(GenericFile<Object> file) {
        return file.isDirectory() || file.getFileLength() > 0;
    }
}
