/** English: the reference catalogue. Every other catalogue has exactly these keys. */
export const en = {
  appName: 'Tipline',
  skipToContent: 'Skip to main content',
  languageLabel: 'Language',
  galleryHeading: 'Do you recognise these objects?',
  galleryIntro:
    'Police are trying to find out where these everyday objects come from. They were cropped from pictures in unsolved child-abuse cases. If you know where one was sold or used — a country, a town, a shop, a brand — please tell us. Every small detail can help.',
  loading: 'Loading…',
  loadError: 'The objects could not be loaded. Please try again later.',
  retry: 'Try again',
  noObjects: 'No objects are published at the moment.',
  sendTipAbout: 'Send a tip about “{title}”',
  identified: 'Identified — thank you',
  identifiedText: 'This object has been identified thanks to the public. We no longer need tips about it.',
  backToGallery: 'All objects',
  objectNotFound: 'This object is not available.',
  imageAlt: 'Picture of the object: {title}',
  formHeading: 'Send an anonymous tip',
  anonymousHeading: 'Your tip is anonymous',
  anonymousText:
    'You do not need an account, and we do not store your IP address or anything else that identifies you. Using Tor or a VPN is fine.',
  doNotSendHeading: 'Please do not send',
  doNotSendImages: 'images of children',
  doNotSendPersonal: 'personal data of victims (names, addresses, photos)',
  doNotSendIllegal: 'any illegal material',
  tipLabel: 'Your tip',
  tipHint: 'Where have you seen this object? Country, town, shop, brand, year — anything you know.',
  counter: '{count} of {max} characters',
  counterOver: { one: '{count} character too many', other: '{count} characters too many' },
  tipLanguageLabel: 'Language of your tip (optional)',
  tipLanguageNone: 'Not specified',
  fileLabel: 'Photo or PDF (optional)',
  fileHint: 'A photo of the object, a label or a receipt can help. JPEG, PNG, WebP or PDF, at most {max} MB.',
  filePrivacy: 'If your photo records where and when it was taken, Tipline reads that as evidence for the investigators. Only a cleaned copy without that information is ever shown; the original file is kept unchanged, and only a few coordinators can open it.',
  fileRemove: 'Remove the file',
  uploading: 'Uploading…',
  submit: 'Send tip',
  honeypotLabel: 'Leave this field empty (it catches automated spam)',
  provingWork: 'Checking that you are not a robot…',
  sending: 'Sending…',
  receiptHeading: 'Thank you — your tip was received',
  receiptText: 'Keep this receipt code if you want to refer to your tip later. Nothing else links you to your tip.',
  receiptCode: 'Receipt code',
  tipIdLabel: 'Tip reference',
  receiptAttachment: 'Your file was sent with your tip.',
  sendAnother: 'Send another tip',
  errorHeading: 'Your tip was not sent',
  errorEmpty: 'Please write your tip.',
  errorTooLong: 'Your tip is too long: at most {max} characters.',
  errorLanguage: 'Please choose a language from the list.',
  errorInvalid: 'Please check this field.',
  errorFileType: 'Please choose a photo (JPEG, PNG or WebP) or a PDF file.',
  errorFileSize: 'This file is too large: at most {max} MB.',
  errorFileEmpty: 'This file is empty. Please choose another one.',
  errorUpload: 'The file could not be uploaded, so your tip was not sent. Please try again, or remove the file and send your tip without it.',
  errorUnknownObject: 'This object is no longer available.',
  errorIdentifiedObject: 'This object has already been identified — thank you. No more tips are needed.',
  errorTooLarge: 'Your tip is too large to send.',
  errorGeneric: 'Something went wrong and your tip was not sent. Please try again.',
  errorNetwork: 'The server could not be reached and your tip was not sent. Please try again.',
  footerText: 'No trackers, no cookies, no account. Tips go only to the police investigators working on these cases.',
  pageTitleGallery: 'Trace an object — Tipline',
  pageTitleObject: '{title} — Tipline',
  zoomOpen: "Open the picture full size",
  zoomClose: "Close",
  zoomIn: "Zoom in",
  zoomOut: "Zoom out",
  zoomReset: "Actual size",
  zoomHint: "Zoom with + and − or by pinching; move the picture with the arrow keys or by dragging. Escape closes.",
  zoomLevel: "{percent}%",
} as const;

export type MessageKey = keyof typeof en;

/**
 * A message that depends on a number: one text per plural category of the
 * language (Intl.PluralRules), `other` always present.
 */
export type PluralMessage = Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;

/** A catalogue: a plain text where English has one, a plural message where English has one. */
export type Messages = { readonly [K in MessageKey]: (typeof en)[K] extends string ? string : PluralMessage };
