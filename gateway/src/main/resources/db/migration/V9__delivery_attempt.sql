-- The delivery attempt (one exchange of a delivery order) that recorded the delivery. An attempt
-- whose commit went through but whose answer was lost (the database closed or the connection broke
-- during the commit) tries the record again, finds it taken and must tell its own record from
-- another attempt's: otherwise it withdrew a payload it had written and recorded (found by the
-- crash harness: a delivery recorded as written whose file was removed).
ALTER TABLE delivery ADD COLUMN delivered_by VARCHAR(64);
