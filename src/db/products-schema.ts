// The product catalogue's tables; schema.ts says why ids and times are text, booleans 0/1 and JSON text.

/** a product of the workspace's catalogue, published by auto-posts */
export interface ProductTable {
  id: string;
  workspace_id: string;
  name: string;
  /** the name lower-cased with Unicode rules in JS (SQLite's lower() folds ASCII only) */
  search_text: string;
  /** a decimal string with the currency's minor units ("1299.00", "1299" for JPY); never a float */
  price: string;
  /** ISO 4217 code, upper case */
  currency: string;
  description: string;
  /** JSON string[] of http(s) URLs */
  image_urls: string;
  url: string | null;
  /** JSON string[] of words without '#' */
  hashtags: string;
  in_stock: number;
  /** JSON object string → string; keys are template variable names ({color}) */
  custom_fields: string;
  created_at: string;
  updated_at: string;
}

/** a reusable caption such as `🎁 {product_name} - {product_price}₴\n{hashtags}` */
export interface CaptionTemplateTable {
  id: string;
  workspace_id: string;
  name: string;
  body: string;
  /** BCP 47 locale that formats prices ('uk-UA') */
  locale: string;
  created_at: string;
  updated_at: string;
}
