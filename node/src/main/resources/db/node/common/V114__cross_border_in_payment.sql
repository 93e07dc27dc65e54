-- A cross-border payment's record (role, peer, FX provider, quote, both amounts, rate, decision
-- deadline) is written in its payment's row, packed as text (org.rialto.node.engine.CrossBorderPack),
-- instead of a row of its own in cross_border: one row and one B-tree append per cross-border
-- payment on each node, not two. Rows already in cross_border stay there and are read as before;
-- a record added to a payment row already stored (a held outgoing payment released) still goes there.
-- Since this version no peer_outbox row is written either: an outgoing record whose payment is
-- not final is the durable mark that the transfer was forwarded and not yet decided.
ALTER TABLE payment ADD COLUMN cross_border TEXT;
