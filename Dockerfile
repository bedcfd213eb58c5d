# Production image: the bot only (the LINE emulator is for development and tests).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DATABASE_URL=sqlite:////data/helpdesk.db

# Laksaman (fonts-thai-tlwg) draws Thai in rich-menu images, charts and QR labels.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-thai-tlwg fontconfig \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 helpdesk \
    && mkdir /data && chown helpdesk:helpdesk /data

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY core ./core
COPY emulator ./emulator
COPY migrations ./migrations
COPY locale ./locale
# Editable install keeps migrations/ and locale/ beside the code, where the app looks for them.
RUN pip install -e . && helpdesk i18n compile

USER helpdesk
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD python -c "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=4).status != 200)"
CMD ["sh", "-c", "helpdesk db upgrade && exec helpdesk serve --host 0.0.0.0 --port 8000"]
