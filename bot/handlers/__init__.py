"""One-shot reactions to LINE events, one module per intent."""
