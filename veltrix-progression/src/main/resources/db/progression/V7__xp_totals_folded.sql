-- The players' XP totals (pass_progress, pass_daily) are folded from the grants behind the XP feed, a slice of the
-- players at a time (XpFold): each of the 16 slices, cut by the first hex digit of the player's id, keeps its position
-- in outbox_cursors, and readers add the grants after it. Every grant counted so far is in the totals already, so
-- each slice starts past all of them: at the feed's cursor or the newest grant's position, whichever is later.
INSERT INTO outbox_cursors (consumer, seq)
SELECT s.name, m.seq
FROM (
    SELECT MAX(seq) AS seq FROM (
        SELECT seq FROM outbox_cursors WHERE consumer = 'battlepass-xp'
        UNION ALL SELECT MAX(seq) FROM pass_grants
        UNION ALL SELECT 0
    ) known
) m CROSS JOIN (
    SELECT 'battlepass-fold-0' AS name UNION ALL SELECT 'battlepass-fold-1' UNION ALL SELECT 'battlepass-fold-2' UNION ALL SELECT 'battlepass-fold-3'
    UNION ALL SELECT 'battlepass-fold-4' UNION ALL SELECT 'battlepass-fold-5' UNION ALL SELECT 'battlepass-fold-6' UNION ALL SELECT 'battlepass-fold-7'
    UNION ALL SELECT 'battlepass-fold-8' UNION ALL SELECT 'battlepass-fold-9' UNION ALL SELECT 'battlepass-fold-a' UNION ALL SELECT 'battlepass-fold-b'
    UNION ALL SELECT 'battlepass-fold-c' UNION ALL SELECT 'battlepass-fold-d' UNION ALL SELECT 'battlepass-fold-e' UNION ALL SELECT 'battlepass-fold-f'
) s
-- Nothing counted yet (a new database, or one a backup is being restored into): no position is needed before the first
-- fold, and a restore brings the archive's own.
WHERE m.seq > 0;

-- The index by XP was rewritten for every total a fold changes, on random pages: most of a fold's writes. A season's
-- leaderboard reads the season's rows instead (one range of the table's key).
${except_mysql}DROP INDEX pass_progress_rank;
${mysql_only}DROP INDEX pass_progress_rank ON pass_progress;
