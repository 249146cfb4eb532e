"""The supervisor dashboard: a window of its own with per-queue tiles, agents by state and today's
contacts by channel and hour, refreshed every two seconds off the UI thread
(:class:`agentdesk_desktop.dashboard.dashboard_window.DashboardWindow`)."""
