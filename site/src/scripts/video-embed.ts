// Click-to-load video: nothing is requested from the video host until the reader asks for it.
const ALLOWED_PLAYERS = ['https://www.youtube-nocookie.com/embed/', 'https://player.vimeo.com/video/'];

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-embed-url]')) {
  button.addEventListener(
    'click',
    () => {
      const src = button.dataset.embedUrl ?? '';
      if (!ALLOWED_PLAYERS.some((prefix) => src.startsWith(prefix))) return;
      const iframe = document.createElement('iframe');
      iframe.src = src;
      iframe.title = button.dataset.title ?? 'Vidéo';
      iframe.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
      iframe.allowFullscreen = true;
      iframe.referrerPolicy = 'strict-origin-when-cross-origin';
      button.replaceWith(iframe);
      iframe.focus();
    },
    { once: true },
  );
}
