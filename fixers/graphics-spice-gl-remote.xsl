<?xml version="1.0"?>
<!-- graphics-spice-gl-remote: make a Spice display with OpenGL local.  The
     <graphics> loses port, tlsPort, autoport, listen and defaultMode (they
     only concern TCP); its first <listen> becomes <listen type='none'/>
     and the others go (one is added when there is none).  <channel> elements
     (per-channel TLS modes) go too: without TLS they have no meaning.
     Parameters: targets, the vl:id of each <graphics>, space-separated. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix">
  <xsl:param name="targets"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="devices/graphics">
    <xsl:choose>
      <xsl:when test="not(contains($targets, concat(' ', @vl:id, ' ')))">
        <xsl:copy>
          <xsl:apply-templates select="@*|node()"/>
        </xsl:copy>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy>
          <xsl:apply-templates select="@*[not(namespace-uri() = '' and (name() = 'port' or name() = 'tlsPort' or
                                         name() = 'autoport' or name() = 'listen' or name() = 'defaultMode'))]"/>
          <xsl:if test="not(listen)">
            <listen type='none'/>
          </xsl:if>
          <xsl:for-each select="node()">
            <xsl:choose>
              <xsl:when test="self::listen">
                <xsl:if test="not(preceding-sibling::listen)">
                  <xsl:copy>
                    <xsl:copy-of select="@vl:id"/>
                    <xsl:attribute name="type">none</xsl:attribute>
                  </xsl:copy>
                </xsl:if>
              </xsl:when>
              <xsl:when test="self::channel"/>
              <xsl:otherwise>
                <xsl:apply-templates select="."/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </xsl:copy>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
