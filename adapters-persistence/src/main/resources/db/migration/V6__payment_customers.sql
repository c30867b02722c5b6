-- A payment provider's customer (and so its cards) belongs to exactly one team (issue 18).

-- Which team each customer belongs to, for good: the team that first named it or had it created.
-- seq orders a team's customers, so the service can reuse the one it claimed last.
CREATE TABLE payment_customers (
    customer_id text   PRIMARY KEY,
    team_id     text   NOT NULL REFERENCES teams,
    seq         bigint GENERATED ALWAYS AS IDENTITY,
    UNIQUE (customer_id, team_id)
);
CREATE INDEX payment_customers_team ON payment_customers (team_id, seq DESC);

-- A card saved with the same customer for several teams cannot be told apart here: the provider's
-- metadata knows whose it is, the database does not. Those cards are removed (the teams' owners or
-- admins save theirs again, checked this time); every other card's customer becomes its team's.
DELETE FROM payment_methods
WHERE customer_id IN (
    SELECT customer_id FROM payment_methods GROUP BY customer_id HAVING count(*) > 1);
INSERT INTO payment_customers (customer_id, team_id)
SELECT customer_id, team_id FROM payment_methods ORDER BY team_id;

-- A saved card's customer is unique across teams and is its own team's.
CREATE UNIQUE INDEX payment_methods_customer ON payment_methods (customer_id);
ALTER TABLE payment_methods ADD CONSTRAINT payment_methods_customer_of_team
    FOREIGN KEY (customer_id, team_id) REFERENCES payment_customers (customer_id, team_id);
