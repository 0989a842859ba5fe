/**
 * How this service talks to PostgreSQL: plain JDBC on the connection of the caller's JTA
 * transaction (Agroal hands every caller in one transaction the same connection, Hibernate's
 * outbox included). JDBC rather than entities because every write here is a set-based upsert,
 * a batch or a COPY (the consumer applies a whole Kafka batch in one transaction; a rebuild
 * writes hundreds of thousands of rows), and every read is a projection.
 */
package org.feedback360.scoring.db;
