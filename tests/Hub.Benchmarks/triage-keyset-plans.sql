-- The triage queue's keyset page queries (the page part, as EF writes it on PostgreSQL) on a synthetic 1,000,000-referral
-- table with the hub's own Referrals indexes; run with psql -f against a throwaway database (docs/performance.md).
-- Synthetic stand-in for the hub's Referrals and People at 1,000,000 referrals, with the hub's own indexes on them.
DROP TABLE IF EXISTS "Referrals"; DROP TABLE IF EXISTS "People";
CREATE TABLE "People" ("Id" uuid PRIMARY KEY, "Neighbourhood" text);
CREATE TABLE "Referrals" ("Id" uuid PRIMARY KEY, "Status" int NOT NULL, "ReceivedAt" timestamptz NOT NULL, "Reference" text NOT NULL, "PersonId" uuid NOT NULL, "Source" int NOT NULL);
INSERT INTO "People" SELECT md5('p' || g)::uuid, 'N' || (g % 12) FROM generate_series(1, 600000) g;
-- Four a minute over the history, so many share a second: the id breaks ties. The newest 400 wait, the next 20,000 are open, the rest closed.
INSERT INTO "Referrals" SELECT md5('r' || g)::uuid, CASE WHEN g > 999600 THEN 0 WHEN g > 979600 THEN 1 ELSE 2 END,
  timestamptz '2007-01-01' + ((g / 4) * interval '19 minutes'), 'R' || lpad(g::text, 8, '0'), md5('p' || (g % 600000 + 1))::uuid, g % 5
  FROM generate_series(1, 1000000) g;
CREATE UNIQUE INDEX "IX_Referrals_Reference" ON "Referrals" ("Reference");
CREATE INDEX "IX_Referrals_Status_ReceivedAt_Reference" ON "Referrals" ("Status", "ReceivedAt", "Reference");
CREATE INDEX "IX_Referrals_PersonId_ReceivedAt" ON "Referrals" ("PersonId", "ReceivedAt");
CREATE INDEX "IX_Referrals_ReceivedAt" ON "Referrals" ("ReceivedAt");
VACUUM ANALYZE "People"; VACUUM ANALYZE "Referrals";
\set k '''2100-01-01''::timestamptz'
SELECT "ReceivedAt" AS mid, "Id" AS midid FROM "Referrals" WHERE "Reference" = 'R00500000' \gset
\echo === waiting, first page
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) SELECT r."Id" FROM "Referrals" r JOIN "People" p ON r."PersonId" = p."Id" WHERE r."Status" = 0 ORDER BY r."ReceivedAt", r."Id" LIMIT 51;
SELECT "ReceivedAt" AS w, "Id" AS wid FROM "Referrals" WHERE "Reference" = 'R00999800' \gset
\echo === waiting, next page (after a row in the middle of the waiting queue)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) SELECT r."Id" FROM "Referrals" r JOIN "People" p ON r."PersonId" = p."Id" WHERE r."Status" = 0 AND r."ReceivedAt" >= :'w' AND (r."ReceivedAt" > :'w' OR (r."ReceivedAt" = :'w' AND r."Id" > :'wid')) ORDER BY r."ReceivedAt", r."Id" LIMIT 51;
\echo === every status, newest first, first page
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) SELECT r."Id" FROM "Referrals" r JOIN "People" p ON r."PersonId" = p."Id" ORDER BY r."ReceivedAt" DESC, r."Id" DESC LIMIT 51;
\echo === every status, newest first, next page half the history back, WITH the plain bound
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) SELECT r."Id" FROM "Referrals" r JOIN "People" p ON r."PersonId" = p."Id" WHERE r."ReceivedAt" <= :'mid' AND (r."ReceivedAt" < :'mid' OR (r."ReceivedAt" = :'mid' AND r."Id" < :'midid')) ORDER BY r."ReceivedAt" DESC, r."Id" DESC LIMIT 51;
\echo === the same WITHOUT the plain bound (the OR alone)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) SELECT r."Id" FROM "Referrals" r JOIN "People" p ON r."PersonId" = p."Id" WHERE (r."ReceivedAt" < :'mid' OR (r."ReceivedAt" = :'mid' AND r."Id" < :'midid')) ORDER BY r."ReceivedAt" DESC, r."Id" DESC LIMIT 51;
\echo === every status, newest first, previous page half the history back (WITH the bound)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) SELECT r."Id" FROM "Referrals" r JOIN "People" p ON r."PersonId" = p."Id" WHERE r."ReceivedAt" >= :'mid' AND (r."ReceivedAt" > :'mid' OR (r."ReceivedAt" = :'mid' AND r."Id" > :'midid')) ORDER BY r."ReceivedAt", r."Id" LIMIT 51;
\echo === closed, oldest first, deep page (WITH the bound)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) SELECT r."Id" FROM "Referrals" r JOIN "People" p ON r."PersonId" = p."Id" WHERE r."Status" = 2 AND r."ReceivedAt" >= :'mid' AND (r."ReceivedAt" > :'mid' OR (r."ReceivedAt" = :'mid' AND r."Id" > :'midid')) ORDER BY r."ReceivedAt", r."Id" LIMIT 51;
