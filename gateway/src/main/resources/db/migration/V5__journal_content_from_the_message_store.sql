-- The content of a document published from a routed message is not copied: the original is the
-- message's own bytes in message_content, and the HTML rendering is made from them when it is
-- retrieved. Copying both cost a fifth of the gateway's throughput on the embedded H2 (load harness,
-- docs/benchmarks.md). `source` says where the bytes are: NULL in `data`, 'original' or 'rendering'
-- of the document's source message. Portable between H2 and PostgreSQL.

ALTER TABLE journal_binary ALTER COLUMN data DROP NOT NULL;
ALTER TABLE journal_binary ADD COLUMN source VARCHAR(16);
