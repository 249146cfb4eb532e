"""E-mail in the desk: the thread dock with the reply editor, linking an unknown sender to a customer,
opening attachments, and the mailbox watchers' status in the status bar."""
