INSERT INTO livepeer_analytics.gating_always (id) VALUES (1), (2), (3);
